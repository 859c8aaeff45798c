import RecovDSL

// A capped bridge against a Nomad-style forged-withdrawal bug (expected to PASS). Anyone can
// forge withdrawals until the guardians pause, which takes up to 2 days; the contract's daily cap
// of $50M still applies to forged withdrawals. The budget is per day: any 24 h loses at most
// $100M, twice the cap, because a fixed UTC day's cap can be spent just before midnight and the
// next day's just after (a per-day budget of 50 fails: see tests). The same bug without the cap:
// examples/flawed/incidents/UncappedBridge.swift.

let cappedBridgeForgery = Incident("CappedBridgeForgedMessages", model: cappedBridge) {
    Attack("forgedWithdrawal", while: !cappedBridgePaused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(cappedBridgeVault >= amount)
        Require(cappedBridgeForged + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(cappedBridgeDaily, amount)
        Assign(cappedBridgeVault, cappedBridgeVault - amount)
        Assign(cappedBridgeForged, cappedBridgeForged + amount)
    }
}

let cappedBridgePause = Procedure("CappedBridgePause", model: cappedBridge, incident: cappedBridgeForgery) {
    Trigger(cappedBridgeForged == 0)
    Step("pause", action: "pauseBridge", by: cappedBridgeGuardian, within: 2 * day) {
        Writes(cappedBridgePaused)
    }
    Containment(cappedBridgePaused, within: 2 * day)
    BlastRadius(loss: cappedBridgeForged, max: 100, per: 1 * day)
}
