import RecovDSL

// Harmony Horizon bridge, fixed design against a key theft (expected to PASS).
// Facts: Harmony's post-mortem (2022-06/07): 4-of-5 multisig with keys held by distinct entities.
// The attacker steals the keys stored by Harmony itself (one of five); the other four signers
// pause the bridge within one hour.

let harmonyV2KeyTheft = Incident("HarmonyV2KeyTheft", model: harmonyHorizonV2) {
    Compromised(harmonyV2Company)
}

let harmonyV2PauseBridge = Procedure("HarmonyV2PauseBridge", model: harmonyHorizonV2, incident: harmonyV2KeyTheft) {
    Trigger(harmonyV2Unbacked == 0)
    Step("pause", action: "pauseBridge", by: harmonyV2Multisig, within: 1 * hour) {
        Writes(harmonyV2Paused)
    }
    BlastRadius(loss: harmonyV2Unbacked, max: 0)
}
