import RecovDSL

// Smart-contract vulnerability → protocol pause → collateral freeze.
// A reentrancy bug lets the attacker drain pool cash while the pool is not paused. The guardian
// (2 of 3 distinct firms) pauses within one hour; deposits and withdrawals freeze, repayments stay
// open; governance unpauses through its 2-day timelock within a week.

let reentrancy = Incident("ReentrancyBug", model: lendingPool) {
    Attack("drain", while: !paused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(poolCash >= amount)
        Assign(poolCash, poolCash - amount)
        Assign(stolen, stolen + amount)
    }
}

let pauseOnExploit = Procedure("PauseOnExploit", model: lendingPool, incident: reentrancy) {
    Trigger(stolen > 0)
    Step("pause", action: "pause", by: guardian, within: 1 * hour) {
        Writes(paused)
        MaxDuration(paused, 8 * day)
    }
    Step("unpause", action: "unpause", by: poolAdmin, after: 2 * day, within: 7 * day) {
        Writes(paused)
    }
    Containment(paused, within: 1 * hour)
    Window(8 * day)
}
