import RecovDSL

// Issue 14, part 1 (quorum counting), the fix: the same Governor with a quorum counting For votes only: no
// holder reaches 100 alone (Alpha, Beta, Gamma 90 each, Mallory 60; the Exchange's 50 abstain).
// Hand-worked verdicts: no-unilateral-control holds (for every state: power is fixed); the honest freeze holds.

let gvFrozen = Flag("gvFrozen", initial: false)
let gvA = Entity("GV Alpha"), gvB = Entity("GV Beta"), gvC = Entity("GV Gamma")
let gvExchange = Entity("GV Exchange"), gvMallory = Entity("GV Mallory")
let gvDAO = Role.governor("gvDAO", votes: [gvA: 90, gvB: 90, gvC: 90, gvExchange: 50, gvMallory: 60],
                          quorum: 100, quorumCounts: .forVotes, votingPeriod: 3 * 86_400, abstaining: [gvExchange])

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
