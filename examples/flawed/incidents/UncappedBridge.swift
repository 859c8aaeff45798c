import RecovDSL

// Nomad bridge, August 2022 (historical design — expected to FAIL). Facts (Nomad, "Nomad Bridge
// Hack: Root Cause Analysis", 2022-08-03): an upgrade initialised the trusted root to 0x00, so
// any message passed verification; copycats forged withdrawals and ~$190M left in hours; the
// bridge had no withdrawal cap. Amounts in $M; the same guardians, pause delay and per-day budget
// as the capped design (specs/incidents/CappedBridge.swift), without the cap.
// Expected: blast-radius violated (one forged withdrawal takes more than the day's $100M budget).

let uncappedBridgeVault = IntVar("uncappedBridgeVault", 0...1_000)
let uncappedBridgeForged = IntVar("uncappedBridgeForged", 0...1_000, initial: 0)
let uncappedBridgePaused = Flag("uncappedBridgePaused", initial: false)
let uncappedBridgeBalances = AccountMap("uncappedBridgeBalances", 0...1_000)

let uncappedBridgeGuardians = (1...3).map { Entity("Uncapped bridge guardian \($0)") }
let uncappedBridgeGuardianKeys = uncappedBridgeGuardians.enumerated().map { i, e in Key("uncapped-guardian-\(i + 1)", heldBy: e) }
let uncappedBridgeGuardian = Role.multisig("uncappedBridgeGuardian", threshold: 2, of: uncappedBridgeGuardianKeys)

let uncappedBridge = Model("UncappedBridge") {
    State(uncappedBridgeVault, uncappedBridgeForged, uncappedBridgePaused, uncappedBridgeBalances)
    for e in uncappedBridgeGuardians { Entities(e) }
    for k in uncappedBridgeGuardianKeys { Keys(k) }
    Roles(uncappedBridgeGuardian)

    Action("pauseBridge", by: uncappedBridgeGuardian) {
        Assign(uncappedBridgePaused, true)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...50)
        Require(!uncappedBridgePaused && uncappedBridgeBalances[ctx.caller] >= amount && uncappedBridgeVault >= amount)
        Assign(uncappedBridgeVault, uncappedBridgeVault - amount)
        Assign(uncappedBridgeBalances[ctx.caller], uncappedBridgeBalances[ctx.caller] - amount)
    }
    Claim { a in uncappedBridgeBalances[a] }
}

let uncappedBridgeForgery = Incident("UncappedBridgeForgedMessages", model: uncappedBridge) {
    Attack("forgedWithdrawal", while: !uncappedBridgePaused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(uncappedBridgeVault >= amount)
        Require(uncappedBridgeForged + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Assign(uncappedBridgeVault, uncappedBridgeVault - amount)
        Assign(uncappedBridgeForged, uncappedBridgeForged + amount)
    }
}

let uncappedBridgePause = Procedure("UncappedBridgePause", model: uncappedBridge, incident: uncappedBridgeForgery) {
    Trigger(uncappedBridgeForged == 0)
    Step("pause", action: "pauseBridge", by: uncappedBridgeGuardian, within: 2 * day) {
        Writes(uncappedBridgePaused)
    }
    Containment(uncappedBridgePaused, within: 2 * day)
    BlastRadius(loss: uncappedBridgeForged, max: 100, per: 1 * day)
}
