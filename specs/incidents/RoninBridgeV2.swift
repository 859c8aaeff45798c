import RecovDSL

// Ronin Bridge V2 against the March 2022 attack (expected to PASS).
// Facts: Ronin post-mortem "Back to Building" (2022-04-27) and the V2 relaunch notes: 70% of
// validators (90% for large withdrawals), $50M daily cap, distinct validator entities. The same
// attacker as in 2022 (Sky Mavis compromised) now holds 1 of 11 keys. The honest validators pause
// the bridge within 6 days (the 2022 detection delay); the loss budget is one day's cap.

let roninV2Compromise = Incident("RoninV2SkyMavisCompromise", model: roninBridgeV2) {
    Compromised(roninV2SkyMavis)
}

let roninV2PauseBridge = Procedure("RoninV2PauseBridge", model: roninBridgeV2, incident: roninV2Compromise) {
    Trigger(roninV2Unbacked == 0)
    Step("pause", action: "pauseBridge", by: roninV2Validators, within: 6 * day) {
        Writes(roninV2Paused)
    }
    // The 2022 breach went unnoticed for six days; the fixed design must at least pause by then.
    Containment(roninV2Paused, within: 6 * day)
    BlastRadius(loss: roninV2Unbacked, max: 50)
}
