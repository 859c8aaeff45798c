import RecovDSL

// Compound's Governor with the low-turnout fix (see specs/incidents/CompoundGovernorQuorum.swift
// and the flawed examples/flawed/incidents/CompoundLowTurnout.swift). Figures in thousands of
// COMP: the quorum is raised to 1,000 For votes, above any single delegate (the group's 450 and
// the largest honest delegate's 380), and the Timelock may be vetoed by a community proposal
// guardian (2 of 3 distinct delegates), which cancels a captured proposal while it is queued.

let cgReserves = IntVar("cgReserves", 0...499, initial: 499)
let cgDrained = IntVar("cgDrained", 0...499, initial: 0)
let cgCancelled = Flag("cgCancelled", initial: false)
let cgGroup = Entity("CG Delegate group")
let cgA = Entity("CG Delegate A"), cgB = Entity("CG Delegate B"), cgC = Entity("CG Delegate C")
let cgK1 = Key("cg-community-1", heldBy: cgA), cgK2 = Key("cg-community-2", heldBy: cgB), cgK3 = Key("cg-community-3", heldBy: cgC)
let cgGovernor = Role.governor("cgGovernor", votes: [cgGroup: 450, cgA: 380, cgB: 350, cgC: 300],
                               quorum: 1_000, proposalThreshold: 25, votingDelay: 2 * day, votingPeriod: 3 * day)
let cgGuardian = Role.multisig("cgGuardian", threshold: 2, of: [cgK1, cgK2, cgK3])
let cgTimelock = Role.timelock("cgTimelock", role: cgGovernor, minDelay: 2 * day, vetoBy: cgGuardian)

let compoundGovernorFixed = Model("CompoundGovernorQuorum") {
    State(cgReserves, cgDrained, cgCancelled)
    Entities(cgGroup, cgA, cgB, cgC)
    Keys(cgK1, cgK2, cgK3)
    Roles(cgGovernor, cgGuardian, cgTimelock)
    Action("cgTransferReserves", by: cgTimelock) {
        Require(!cgCancelled && cgReserves > 0)
        Assign(cgDrained, cgDrained + cgReserves)
        Assign(cgReserves, 0)
    }
    Action("cgCancelProposal", by: cgGuardian) { Assign(cgCancelled, true) }
    Claim { _ in IntExpr(0) }
}
