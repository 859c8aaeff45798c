import RecovDSL

// Lending pool drain through an inflated collateral price (the C.R.E.A.M. October 2021 shape),
// against the fixed design that prices collateral with a donation-proof oracle (expected to PASS).
// The attacker still borrows up to the pool's cash before the pause, but each loan is backed
// at the real price, so no depositor's redeemable value falls. The flawed design is
// examples/flawed/incidents/CreamSpotOracle.swift.

let creamV2Manipulation = Incident("CreamV2DonationManipulation", model: creamV2Pool) {
    Attack("borrowAgainstDonatedCollateral", while: !creamV2Paused) { ctx in
        let amount = ctx.int("amount", 1...200)
        Require(creamV2Cash >= amount)
        Require(creamV2Loans + amount <= IntExpr(1_000))   // modelling bound: keeps loans in range
        Assign(creamV2Cash, creamV2Cash - amount)
        Assign(creamV2Loans, creamV2Loans + amount)       // priced fairly: backed, part of the assets
    }
}

let creamV2Pause = Procedure("CreamFairOraclePause", model: creamV2Pool, incident: creamV2Manipulation) {
    Trigger(!creamV2Paused)
    Step("pause", action: "pauseMarkets", by: creamV2Guardian, within: 1 * hour) {
        Writes(creamV2Paused)
    }
    Containment(creamV2Paused, within: 1 * hour)
}
