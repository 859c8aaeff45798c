import RecovDSL

// FLAW (bounded-intervention): the pause promises to end within one day, but governance can
// only lift it through its 2-day timelock, up to a week later. Uses the shipped models.

let longPauseBug = Incident("LongPauseBug", model: lendingPool) {
    Attack("drain", while: !paused && !poolPatched) { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(poolCash >= amount && poolOutflow + amount <= IntExpr(lendingOutflowCap))
        Assign(poolCash, poolCash - amount)
        Assign(poolOutflow, poolOutflow + amount)
        Assign(stolen, stolen + amount)
    }
}

let longPause = Procedure("LongPause", model: lendingPool, incident: longPauseBug) {
    Trigger(stolen > 0)
    Step("pause", action: "pause", by: guardian, within: 1 * hour) {
        Writes(paused)
        MaxDuration(paused, 1 * day)
    }
    Step("upgradeAndUnpause", action: "upgradeAndUnpause", by: poolAdmin, after: 2 * day, within: 7 * day) {
        Writes(paused, poolPatched)
    }
    Containment(paused, within: 1 * hour)
    Window(8 * day)
}
