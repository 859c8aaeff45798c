import RecovDSL

// Incident: smart-contract vulnerability (a reentrancy bug) in the lending pool.
// Procedure: protocol pause → collateral freeze. The guardian (2 of 3 distinct security firms)
// pauses within one hour of the first stolen funds; deposits and withdrawals freeze, repayments
// stay open. Governance, through its 2-day timelock, replaces the vulnerable implementation and
// lifts the pause in one proposal within a week.
// The checker proves: no single firm or governance holder can act alone; the pause writes only
// `paused` and ends within 8 days; no user's claim (collateral − debt) drops through anyone else's
// action; the pool is paused within one hour; and the exploit, which must pass the token layer's
// outflow rate limit, steals at most three rate-limit windows' worth (the window current at the
// trigger, one opened at the trigger, one opened exactly at the pause deadline).

let reentrancy = Incident("ReentrancyBug", model: lendingPool) {
    Attack("drain", while: !paused && !poolPatched) { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(poolCash >= amount && poolOutflow + amount <= IntExpr(lendingOutflowCap))
        Assign(poolCash, poolCash - amount)
        Assign(poolOutflow, poolOutflow + amount)
        Require(stolen + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(stolen, stolen + amount)
    }
}

let pauseOnExploit = Procedure("PauseOnExploit", model: lendingPool, incident: reentrancy) {
    Trigger(stolen > 0)
    Step("pause", action: "pause", by: guardian, within: 1 * hour) {
        Writes(paused)
        MaxDuration(paused, 8 * day)
    }
    Step("upgradeAndUnpause", action: "upgradeAndUnpause", by: poolAdmin, after: 2 * day, within: 7 * day) {
        Writes(paused, poolPatched)
    }
    Containment(paused, within: 1 * hour)
    // An absolute budget (3 windows of today's 50_000 cap), not `3 * lendingOutflowCap`: a budget
    // derived from the model's cap would silently grow when the cap is raised.
    BlastRadius(loss: stolen, max: 150_000)
    Window(8 * day)
}
