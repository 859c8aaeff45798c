import RecovDSL

// Compound's Governor, fixed against a low-turnout capture (expected to PASS).
// Facts: as examples/flawed/incidents/CompoundLowTurnout.swift (Governor Bravo, Proposal 289,
// July 2024). The fix (model in models/incidents/CompoundGovernorModel.swift): a quorum of
// 1,000k For votes that no delegate reaches alone, and a proposal guardian that can veto the
// Timelock. Expected: everything holds — the group's 450 For votes fall short of the quorum even
// when nobody else votes, so it never satisfies the Timelock, and the guardian cancels in a day.

let cgCapture = Incident("CompoundGovernorCapture", model: compoundGovernorFixed) {
    Compromised(cgGroup)
}

let cgCancel = Procedure("CompoundGovernorCancelProposal", model: compoundGovernorFixed, incident: cgCapture) {
    Trigger(!cgCancelled)
    Step("cancel", action: "cgCancelProposal", by: cgGuardian, within: 1 * day) { Writes(cgCancelled) }
    Containment(cgCancelled, within: 1 * day)
    BlastRadius(loss: cgDrained, max: 0)
}
