import RecovDSL

// FLAW (blast-radius): the exploit's outflow bypasses the token layer's rate limit (say, the
// limit was never wired to this pool), so the loss before the pause is bounded only by the
// pool's cash. Uses the shipped models.

let unlimitedDrainBug = Incident("UnlimitedDrainBug", model: lendingPool) {
    Attack("drain", while: !paused && !poolPatched) { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(poolCash >= amount)
        Assign(poolCash, poolCash - amount)
        Assign(stolen, stolen + amount)
    }
}

let pauseWithoutRateLimit = Procedure("PauseWithoutRateLimit", model: lendingPool, incident: unlimitedDrainBug) {
    Trigger(stolen > 0)
    Step("pause", action: "pause", by: guardian, within: 1 * hour) {
        Writes(paused)
        MaxDuration(paused, 8 * day)
    }
    Step("upgradeAndUnpause", action: "upgradeAndUnpause", by: poolAdmin, after: 2 * day, within: 7 * day) {
        Writes(paused, poolPatched)
    }
    Containment(paused, within: 1 * hour)
    BlastRadius(loss: stolen, max: 3 * lendingOutflowCap)
    Window(8 * day)
}
