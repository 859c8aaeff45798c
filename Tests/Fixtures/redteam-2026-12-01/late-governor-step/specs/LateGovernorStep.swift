import RecovDSL
// A governor vote takes 4 days (1d delay + 3d period); the procedure promises the freeze within 1 hour.
// Hand-worked: the step's earliest time is 4 days, its declared deadline 1 hour: it can never run in
// time, so bounded-intervention must be VIOLATED (or the spec rejected), never proved.
let lFrozen = Flag("lFrozen", initial: false)
let lAlice = Entity("LT Alice"), lBob = Entity("LT Bob"), lCarol = Entity("LT Carol")
let lDAO = Role.governor("lDAO", votes: [lAlice: 100, lBob: 100, lCarol: 100], quorum: 150,
                         votingDelay: 86_400, votingPeriod: 3 * 86_400)
let lModel = Model("LateVote") {
    State(lFrozen)
    Entities(lAlice, lBob, lCarol)
    Roles(lDAO)
    Action("lFreeze", by: lDAO) { Assign(lFrozen, true) }
    Claim { _ in IntExpr(0) }
}
let lIncident = Incident("LT", model: lModel) { }
let lProc = Procedure("LateVote", model: lModel, incident: lIncident) {
    Trigger(!lFrozen)
    Step("freeze", action: "lFreeze", by: lDAO, within: 3_600) { Writes(lFrozen) }
}
