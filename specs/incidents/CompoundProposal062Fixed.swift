import RecovDSL

// Compound Proposal 062 (Sept 2021), fixed design (expected to PASS).
// Facts: Compound forum, Proposal 062 bug threads (2021-09-30): a faulty distribution could pay
// up to 280,000 excess COMP and only governance + Timelock (~7 days) could stop it. With a pause
// guardian able to stop COMP distribution, distribution stops within 6 hours, inside a 1-day budget.

let compDistributionBug = Incident("CompoundFaultyDistributionV2", model: compoundV2) {
    Attack("claimExcessComp", while: !compDistributionPaused) { ctx in
        let amount = ctx.int("amount", 1...280_000)
        Require(compExcessPaid + amount <= 280_000)
        Assign(compExcessPaid, compExcessPaid + amount)
    }
}

let compGuardianStopsDistribution = Procedure("Compound062GuardianPause", model: compoundV2, incident: compDistributionBug) {
    Trigger(!compDistributionPaused)
    Step("pauseDistribution", action: "guardianPauseDistribution", by: compPauseGuardian, within: 6 * hour) {
        Writes(compDistributionPaused)
    }
    Containment(compDistributionPaused, within: 1 * day)
}
