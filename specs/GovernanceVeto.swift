import RecovDSL

// Incident: governance exploit. The attacker (who controls the Gov Whale Fund's 35% of voting
// power and can flash-borrow 40% more within one block) has already pushed through a proposal
// that sweeps the staking vault; it is now queued in the 2-day timelock. The monitor sees it
// within an hour of queueing.
// Procedure: timelock intervention. The security council (2 of 3 distinct auditors) cancels the
// queued proposal within 12 hours; then governance, through the timelock the council could veto,
// raises the proposal threshold to 5% of voting power within 3 days.
// The checker proves: neither the attacker — with its own and borrowed voting power — nor any
// other single entity satisfies the council or the timelock (votes are measured at a snapshot,
// and borrowed power does not survive the 2-day delay); each step writes only what it declares
// and the threshold stays within 1...10; no staker loses tokens; the sweep is cancelled within
// 12 hours; not one token is swept.

let govExploit = Incident("GovernanceExploit", model: govModel) {
    Compromised(govWhale)
    BorrowableVotingPower(govVotes, 40)
    Assume("a sweeping proposal is queued", govQueued && govProposalSweeps)
    Assume("detected within an hour of queueing", govQueuedAt <= now && now <= govQueuedAt + IntExpr(hour))
}

let vetoQueuedSweep = Procedure("VetoQueuedSweep", model: govModel, incident: govExploit) {
    Trigger(govQueued && govProposalSweeps)
    Step("cancel", action: "cancelQueued", by: govCouncil, within: 12 * hour) {
        Writes(govQueued, govProposalSweeps)
    }
    Step("raiseThreshold", action: "raiseProposalThreshold", by: govTimelock, after: 2 * day, within: 3 * day,
         args: ["pct": 5]) {
        Writes(govProposalThreshold)
        InRange(govProposalThreshold, 1...10)
    }
    Containment(!govQueued, within: 12 * hour)
    BlastRadius(loss: govSwept, max: 0)
    Window(3 * day + 12 * hour)
}
