import RecovDSL

// Beanstalk, fixed design against the April 2022 flash-loan attack (expected to PASS).
// Facts: Beanstalk post-mortem (2022-04-17/18): the attacker could flash-borrow ~79% of voting
// power within one block. With snapshot voting power and no same-block execution the borrowed
// power never counts; the emergency path (2/3 of snapshot power, 1-day delay) may only pause.

let beanV2FlashLoan = Incident("BeanstalkV2FlashLoanGovernance", model: beanstalkV2) {
    BorrowableVotingPower(beanV2EmergencyVote, 79)
    BorrowableVotingPower(beanV2Majority, 79)
}

let beanV2EmergencyPause = Procedure("BeanstalkV2EmergencyPause", model: beanstalkV2, incident: beanV2FlashLoan) {
    Trigger(!beanV2Paused)
    Step("emergencyPause", action: "emergencyPause", by: beanV2Emergency, after: 1 * day, within: 2 * day) {
        Writes(beanV2Paused)
    }
    Containment(beanV2Paused, within: 2 * day)
}
