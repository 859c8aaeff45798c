import RecovDSL

// Venus LUNA oracle incident, May 2022 — a recovery that went right (expected to PASS).
// Facts: Venus post-mortem and VIPs (2022-05): feed frozen at $0.107 vs market ~$0.01; the pause
// guardian paused, feeds were zeroed, the LUNA collateral factor went to 0, the $11.2M bad debt was
// paid from the risk fund, governance unpaused with a 12-hour repay window before liquidations.

let venusStaleFeed = Incident("VenusLunaStaleFeed", model: venusLuna) {
    Oracle(venusLunaMarket, 0...20)
    // Borrowing against LUNA valued at the stale feed price creates bad debt, up to the market's exposure.
    Attack("borrowAgainstStaleFeed", while: !venusPaused && venusLunaFeed > venusLunaMarket && venusLunaCollateralFactor > 0) { ctx in
        let amount = ctx.int("amount", 1...100)
        Require(venusLunaExposure >= amount)
        Assign(venusLunaExposure, venusLunaExposure - amount)
        Require(venusBadDebt + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(venusBadDebt, venusBadDebt + amount)
    }
    Assume("the feed is frozen at $0.107", venusLunaFeed == 107)
    Assume("the risk fund exceeds bad debt plus remaining exposure", venusRiskFund >= venusBadDebt + venusLunaExposure)
}

let venusRecovery = Procedure("VenusLunaRecovery", model: venusLuna, incident: venusStaleFeed) {
    Trigger(venusBadDebt >= 112 && !venusPaused)
    Step("pause", action: "pauseProtocol", by: venusGuardian, within: 1 * hour) {
        Writes(venusPaused)
        MaxDuration(venusPaused, 4 * day)
    }
    Step("zeroFeed", action: "zeroLunaFeed", by: venusGuardian, within: 1 * hour) {
        Writes(venusLunaFeed)
        InRange(venusLunaFeed, 0...0)
    }
    Step("collateralFactorToZero", action: "setLunaCollateralFactor", by: venusAdmin, after: 1 * day, within: 1 * day, args: ["factor": 0]) {
        Writes(venusLunaCollateralFactor)
        InRange(venusLunaCollateralFactor, 0...0)
    }
    Step("coverBadDebt", action: "coverBadDebtFromRiskFund", by: venusAdmin, after: 1 * day, within: 1 * day) {
        Writes(venusRiskFund, venusBadDebt)
        InRange(venusBadDebt, 0...0)
    }
    // 12-hour repay window (43,200 s) before liquidations resume.
    Step("unpause", action: "unpauseWithRepayWindow", by: venusAdmin, after: 1 * day, within: 1 * day, args: ["repayWindow": 43_200]) {
        Writes(venusPaused, venusRepayUntil)
    }
    Containment(venusPaused, within: 1 * hour)
    Window(4 * day)
}
