import RecovDSL

// Compound v2 pause guardian against a market exploit (expected to PASS).
// Facts: Compound docs "Pause Guardian" and Comptroller.sol: the guardian pauses mint, borrow,
// transfer and seize, only to true; only the admin (governance + Timelock, 2-day minimum delay)
// unpauses; redeem and repay are never blocked. Procedure: the guardian pauses mint and borrow
// within an hour each; governance unpauses through the Timelock within a week.

let compMarketExploit = Incident("CompoundMarketExploit", model: compoundV2) {
    Attack("drainMarket", while: !compMintPaused || !compBorrowPaused) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(compCash >= amount)
        Assign(compCash, compCash - amount)
        Require(compStolen + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(compStolen, compStolen + amount)
    }
}

let compPauseOnExploit = Procedure("CompoundPauseGuardian", model: compoundV2, incident: compMarketExploit) {
    Trigger(compStolen > 0 && !compMintPaused && !compBorrowPaused)
    Step("pauseMint", action: "guardianSetMintPaused", by: compPauseGuardian, within: 1 * hour, args: ["state": true]) {
        Writes(compMintPaused)
        MaxDuration(compMintPaused, 9 * day)
    }
    Step("pauseBorrow", action: "guardianSetBorrowPaused", by: compPauseGuardian, within: 1 * hour, args: ["state": true]) {
        Writes(compBorrowPaused)
        MaxDuration(compBorrowPaused, 9 * day)
    }
    Step("unpauseMint", action: "adminSetMintPaused", by: compAdmin, after: 2 * day, within: 7 * day, args: ["state": false]) {
        Writes(compMintPaused)
    }
    Step("unpauseBorrow", action: "adminSetBorrowPaused", by: compAdmin, after: 2 * day, within: 2 * day, args: ["state": false]) {
        Writes(compBorrowPaused)
    }
    Containment(compMintPaused && compBorrowPaused, within: 2 * hour)
    Window(10 * day)
}
