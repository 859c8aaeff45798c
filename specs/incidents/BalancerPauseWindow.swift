import RecovDSL

// Balancer v2 pause window and buffer period (expected to PASS).
// Facts: Balancer v2 docs and TemporarilyPausable.sol: pausable only in the 90-day window after
// deployment, unpausable during the following 30-day buffer, unpaused for good afterwards. A bug is
// found inside the window (at least an hour before it closes); the emergency multisig pauses within
// the hour; the pause can last at most until the buffer ends: 120 days after deployment, so at
// most 120 days after the pause step (MaxDuration).

let balVaultBug = Incident("BalancerVaultBug", model: balancerV2) {
    Compromised(balSigners[0])
    Attack("drainVault", while: !balPaused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(balVaultCash >= amount)
        Assign(balVaultCash, balVaultCash - amount)
        Require(balStolen + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(balStolen, balStolen + amount)
    }
}

let balPauseInWindow = Procedure("BalancerV2PauseWindow", model: balancerV2, incident: balVaultBug) {
    Trigger(balStolen > 0 && !balPausedFlag && now + IntExpr(1 * hour) < balPauseWindowEnd)
    Step("pause", action: "setPaused", by: balEmergency, within: 1 * hour, args: ["paused": true]) {
        Writes(balPausedFlag, balLastPauseAt)
        MaxDuration(balPaused, balPauseWindow + balBufferPeriod)
    }
    Containment(balPaused, within: 1 * hour)
}
