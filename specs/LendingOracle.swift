import RecovDSL

// Incident: oracle manipulation. The attacker can push the lending pool's oracle price anywhere
// in 1...10_000 at any moment (a thin on-chain market feeding the oracle).
// Procedure: price-feed circuit breaker → liquidation suspension. Liquidations already require
// the price within 20% of the one-hour-delayed reference price; once the price leaves that band
// anyone may trip the breaker, and the guardian (2 of 3 distinct firms) suspends liquidations
// within 15 minutes regardless of where the attacker has moved the price since. Governance, through
// its 2-day timelock, lifts the suspension within 3 days; the reference feed is not re-anchored
// to the manipulated price.
// The checker proves: no single firm or token holder controls the guardian or the timelock; the
// suspension writes only `liquidationsPaused`; no borrower's position is liquidated unless it is
// under water at a price inside the trusted band (no-collateral-loss); liquidations are suspended
// within 15 minutes of the first untrusted price, however the attacker moves the feed.
// No blast-radius budget: after governance lifts the suspension, liquidations at in-band prices
// are legitimate, so a whole-trace loss budget does not apply.

let oracleManipulation = Incident("OracleManipulation", model: lendingPool) {
    Oracle(price, 1...10_000)
}

let suspendLiquidationsOnDeviation = Procedure("SuspendLiquidationsOnDeviation", model: lendingPool,
                                               incident: oracleManipulation) {
    Trigger(!priceTrusted && !liquidationsPaused)
    Step("suspendLiquidations", action: "pauseLiquidations", by: guardian, within: 15 * minute) {
        Writes(liquidationsPaused)
    }
    Step("resumeLiquidations", action: "resumeLiquidations", by: poolAdmin, after: 2 * day, within: 3 * day) {
        Writes(liquidationsPaused)
    }
    Containment(liquidationsPaused, within: 15 * minute)
    Window(3 * day + 15 * minute)
}
