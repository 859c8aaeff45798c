import RecovDSL

// FLAW (containment-time): containment is the governance fix (raising the proposal threshold),
// which must pass the 2-day timelock, but the budget is 12 hours. Uses the shipped models.

let slowFixExploit = Incident("SlowFixExploit", model: govModel) {
    Compromised(govWhale)
    Assume("a sweeping proposal is queued", govQueued && govProposalSweeps)
}

let slowGovernanceFix = Procedure("SlowGovernanceFix", model: govModel, incident: slowFixExploit) {
    Trigger(govQueued && govProposalSweeps)
    Step("raiseThreshold", action: "raiseProposalThreshold", by: govTimelock, after: 2 * day, within: 3 * day,
         args: ["pct": 5]) {
        Writes(govProposalThreshold)
    }
    Containment(govProposalThreshold >= 5, within: 12 * hour)
    Window(3 * day)
}
