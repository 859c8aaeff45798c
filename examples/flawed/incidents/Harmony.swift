import RecovDSL

// Harmony Horizon bridge, June 2022 (historical design — expected to FAIL).
// Facts encoded (Harmony, "Harmony's Horizon Bridge Hack" post-mortem, 2022-06/07, and the
// Ethereum-side multisig contract): withdrawals from the Ethereum side needed 2 of 5 multisig
// signatures (one source says 2 of 4); all the keys were stored by the same company (Harmony);
// ~$100M was stolen with two of those keys. Safe-style checks (1 <= 2 <= 5 owners, distinct
// addresses) pass; only an entity-level view shows one company holds every key.
// Amounts in $M. Expected: no-unilateral-control violated (Harmony alone holds 5 of 5 >= 2).

let harmonyVault = IntVar("harmonyVault", 0...1_000)
let harmonyUnbacked = IntVar("harmonyUnbacked", 0...1_000, initial: 0)
let harmonyPaused = Flag("harmonyPaused", initial: false)
let harmonyBridged = AccountMap("harmonyBridged", 0...1_000)

let harmonyCompany = Entity("Harmony")
let harmonyKey1 = Key("horizon-owner-1", heldBy: harmonyCompany)
let harmonyKey2 = Key("horizon-owner-2", heldBy: harmonyCompany)
let harmonyKey3 = Key("horizon-owner-3", heldBy: harmonyCompany)
let harmonyKey4 = Key("horizon-owner-4", heldBy: harmonyCompany)
let harmonyKey5 = Key("horizon-owner-5", heldBy: harmonyCompany)

let harmonyMultisig = Role.multisig("horizonMultisig", threshold: 2,
                                    of: [harmonyKey1, harmonyKey2, harmonyKey3, harmonyKey4, harmonyKey5])

let harmonyHorizonV1 = Model("HarmonyHorizonV1") {
    State(harmonyVault, harmonyUnbacked, harmonyPaused, harmonyBridged)
    Entities(harmonyCompany)
    Keys(harmonyKey1, harmonyKey2, harmonyKey3, harmonyKey4, harmonyKey5)
    Roles(harmonyMultisig)

    Action("unlock", by: harmonyMultisig) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!harmonyPaused && harmonyVault >= amount)
        Assign(harmonyVault, harmonyVault - amount)
        Assign(harmonyUnbacked, harmonyUnbacked + amount)
    }
    Action("pauseBridge", by: harmonyMultisig) {
        Assign(harmonyPaused, true)
    }
    UserAction("bridgeOut") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(harmonyBridged[ctx.caller] >= amount)
        Assign(harmonyBridged[ctx.caller], harmonyBridged[ctx.caller] - amount)
    }
    Claim { a in harmonyBridged[a] }
}

// The scenario as designed: the checker needs no compromise to see that one company is enough.
let harmonyKeyTheft = Incident("HarmonyKeyTheft", model: harmonyHorizonV1) {}

let harmonyPauseBridge = Procedure("HarmonyV1PauseBridge", model: harmonyHorizonV1, incident: harmonyKeyTheft) {
    Trigger(harmonyUnbacked == 0)
    Step("pause", action: "pauseBridge", by: harmonyMultisig, within: 1 * hour) {
        Writes(harmonyPaused)
    }
}
