import RecovDSL

// Compound Governor Bravo, a low-turnout proposal (expected to FAIL).
// Facts: Governor Bravo counts a quorum of 400,000 COMP For votes (4% of the 10M supply), with a
// 25,000 COMP proposal threshold, a ~2-day voting delay, a ~3-day voting period and a 2-day
// Timelock; Against and Abstain votes do not stop a proposal whose For votes reach the quorum and
// outnumber Against. In July 2024 (Proposal 289) a delegate group passed a proposal moving 499,000
// COMP from the treasury into a vault it controlled. Assumptions (figures in thousands of COMP,
// holder groups ours): the group holds 450 of delegated power and is the attacker; the three
// largest other delegates hold 380, 350 and 300 and do not vote on its proposal (low turnout).
// Expected: no-unilateral-control VIOLATED (the group alone passes a proposal: For 450 ≥ 400,
// Against 0) and blast-radius VIOLATED (it moves the reserves through the Timelock before the
// community multisig cancels).

let cgfReserves = IntVar("cgfReserves", 0...499, initial: 499)
let cgfDrained = IntVar("cgfDrained", 0...499, initial: 0)
let cgfCancelled = Flag("cgfCancelled", initial: false)
let cgfGroup = Entity("Delegate group")
let cgfA = Entity("Delegate A"), cgfB = Entity("Delegate B"), cgfC = Entity("Delegate C")
let cgfK1 = Key("cgf-community-1", heldBy: cgfA), cgfK2 = Key("cgf-community-2", heldBy: cgfB), cgfK3 = Key("cgf-community-3", heldBy: cgfC)
let cgfBravo = Role.governor("cgfBravo", votes: [cgfGroup: 450, cgfA: 380, cgfB: 350, cgfC: 300],
                             quorum: 400, proposalThreshold: 25, votingDelay: 2 * day, votingPeriod: 3 * day)
let cgfTimelock = Role.timelock("cgfTimelock", role: cgfBravo, minDelay: 2 * day)
let cgfCommunity = Role.multisig("cgfCommunity", threshold: 2, of: [cgfK1, cgfK2, cgfK3])

let compoundLowTurnout = Model("CompoundBravoLowTurnout") {
    State(cgfReserves, cgfDrained, cgfCancelled)
    Entities(cgfGroup, cgfA, cgfB, cgfC)
    Keys(cgfK1, cgfK2, cgfK3)
    Roles(cgfBravo, cgfTimelock, cgfCommunity)
    Action("transferReserves", by: cgfTimelock) {
        Require(!cgfCancelled && cgfReserves > 0)
        Assign(cgfDrained, cgfDrained + cgfReserves)
        Assign(cgfReserves, 0)
    }
    Action("cancelProposal", by: cgfCommunity) { Assign(cgfCancelled, true) }
    Claim { _ in IntExpr(0) }
}

let cgfCapture = Incident("CompoundProposal289Capture", model: compoundLowTurnout) {
    Compromised(cgfGroup)
}

let cgfCancel = Procedure("CompoundBravoCancelProposal", model: compoundLowTurnout, incident: cgfCapture) {
    Trigger(!cgfCancelled)
    Step("cancel", action: "cancelProposal", by: cgfCommunity, within: 1 * day) { Writes(cgfCancelled) }
    Containment(cgfCancelled, within: 1 * day)
    BlastRadius(loss: cgfDrained, max: 0)
}
