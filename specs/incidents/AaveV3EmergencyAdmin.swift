import RecovDSL

// Aave v3 emergency admin (expected to PASS).
// Facts: Aave v3 docs "Permissions and roles" and PoolConfigurator (`setPoolPause(paused,
// gracePeriod)`, MAX_GRACE_PERIOD = 4 hours): the 5-of-10 Aave Guardian pauses the pool within
// an hour of an exploit and unpauses with a liquidation grace period of at most 4 hours; it cannot
// upgrade, list or change risk parameters. The incident compromises the signer who sits in both the
// guardian and the 2-of-3 Safe: entity-level analysis must still find no single entity in control.
// Oracle prices move freely during the pause.

let aaveExploit = Incident("AaveV3ExploitWithSharedSignerCompromised", model: aaveV3) {
    Compromised(aaveSharedSigner)
    Oracle(aavePrice, 1...10_000)
    Attack("exploitPool", while: !aavePoolPaused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(aaveCash >= amount)
        Assign(aaveCash, aaveCash - amount)
        Require(aaveStolen + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(aaveStolen, aaveStolen + amount)
    }
}

let aaveGuardianPause = Procedure("AaveV3EmergencyAdminPause", model: aaveV3, incident: aaveExploit) {
    Trigger(aaveStolen > 0 && !aavePoolPaused)
    Step("pausePool", action: "setPoolPause", by: aaveEmergencyAdmin, within: 1 * hour, args: ["paused": true]) {
        Writes(aavePoolPaused)
        MaxDuration(aavePoolPaused, 4 * day)
    }
    Step("unpauseWithGrace", action: "setPoolPause", by: aaveEmergencyAdmin, after: 1 * day, within: 3 * day, args: ["paused": false]) {
        Writes(aavePoolPaused, aaveGraceUntil, aaveGracePeriod)
        InRange(aaveGracePeriod, 0...4 * hour)
    }
    Containment(aavePoolPaused, within: 1 * hour)
    Window(4 * day + 1 * hour)
}
