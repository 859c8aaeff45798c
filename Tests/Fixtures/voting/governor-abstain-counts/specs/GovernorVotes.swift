import RecovDSL

// Issue 14, part 1 (quorum counting): a Governor whose quorum of 100 counts For + Abstain votes. The
// Exchange (50) abstains on every proposal it is not part of. Alpha alone (90 For) reaches 140
// with the Exchange's Abstain votes, and Mallory (60) reaches 110, both with For > Against.
// Hand-worked verdicts: no-unilateral-control VIOLATED at the initial state (one entity passes a proposal
// alone); the honest freeze (For 320 against Mallory's 60) holds.

let gvFrozen = Flag("gvFrozen", initial: false)
let gvA = Entity("GV Alpha"), gvB = Entity("GV Beta"), gvC = Entity("GV Gamma")
let gvExchange = Entity("GV Exchange"), gvMallory = Entity("GV Mallory")
let gvDAO = Role.governor("gvDAO", votes: [gvA: 90, gvB: 90, gvC: 90, gvExchange: 50, gvMallory: 60],
                          quorum: 100, quorumCounts: .forAndAbstain, votingPeriod: 3 * 86_400, abstaining: [gvExchange])

let gvModel = Model("GovernorVotes") {
    State(gvFrozen)
    Entities(gvA, gvB, gvC, gvExchange, gvMallory)
    Roles(gvDAO)
    Action("gvFreeze", by: gvDAO) { Assign(gvFrozen, true) }
    Claim { _ in IntExpr(0) }
}

let gvIncident = Incident("GV vote capture", model: gvModel) {
    Compromised(gvMallory)
}

let gvProcedure = Procedure("GVFreeze", model: gvModel, incident: gvIncident) {
    Trigger(!gvFrozen)
    Step("freeze", action: "gvFreeze", by: gvDAO, within: 4 * 86_400) { Writes(gvFrozen) }
    Containment(gvFrozen, within: 4 * 86_400)
}
