import RecovDSL
// The attacker borrows voting power (measured at execution) to cancel an honest step. No entity is
// compromised. gbDao = governance GB A 50, GB B 50, supermajority 1/2, at execution; gbGov = governor
// GB A 50, GB B 50, quorum 60, at execution. The pause runs through timelock(guardian A+B, 1d, vetoBy: ...).
// - GBDaoHundred (borrowable 100 in gbDao): 100 of 200 is half: the attacker cancels: VIOLATED.
// - GBDaoNinetyNine (99): 99 of 199 is below half: holds.
// - GBGovSixty (borrowable 60 in gbGov): For 60 >= quorum 60, but A and B vote Against (100: contested): holds.
// - GBGovFiftyNine (59): below quorum: holds.
// - GBSnapshot: a snapshot-measured governance veto (gbSnap, supermajority 1/2), borrowable 1000: nothing
//   borrowed counts: holds.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let gbPaused = Flag("gbPaused", initial: false)
let gbA = Entity("GB A"), gbB = Entity("GB B")
let gbK1 = Key("gb-k1", heldBy: gbA), gbK2 = Key("gb-k2", heldBy: gbB)
let gbGuardian = Role.multisig("gbGuardian", threshold: 2, of: [gbK1, gbK2])
let gbDao = Role.governance("gbDao", powers: [gbA: 50, gbB: 50], supermajority: Fraction(1, 2), measuredAt: .execution)
let gbGov = Role.governor("gbGov", votes: [gbA: 50, gbB: 50], quorum: 60, measuredAt: .execution)
let gbSnap = Role.governance("gbSnap", powers: [gbA: 50, gbB: 50], supermajority: Fraction(1, 2))
let gbAdminDao = Role.timelock("gbAdminDao", role: gbGuardian, minDelay: 1 * day, vetoBy: gbDao)
let gbAdminGov = Role.timelock("gbAdminGov", role: gbGuardian, minDelay: 1 * day, vetoBy: gbGov)
let gbAdminSnap = Role.timelock("gbAdminSnap", role: gbGuardian, minDelay: 1 * day, vetoBy: gbSnap)
let gbModel = Model("GB") {
    State(gbPaused)
    Entities(gbA, gbB)
    Keys(gbK1, gbK2)
    Roles(gbGuardian, gbDao, gbGov, gbSnap, gbAdminDao, gbAdminGov, gbAdminSnap)
    Action("pauseDao", by: gbAdminDao) { Require(!gbPaused); Assign(gbPaused, true) }
    Action("pauseGov", by: gbAdminGov) { Require(!gbPaused); Assign(gbPaused, true) }
    Action("pauseSnap", by: gbAdminSnap) { Require(!gbPaused); Assign(gbPaused, true) }
    Claim { _ in IntExpr(0) }
}
let gbHigh = Incident("GB flash loan high", model: gbModel) {
    Attack("gbPoke", while: !gbPaused) { Require(!gbPaused) }
    BorrowableVotingPower(gbDao, 100)
    BorrowableVotingPower(gbGov, 60)
    BorrowableVotingPower(gbSnap, 1_000)
}
let gbLow = Incident("GB flash loan low", model: gbModel) {
    Attack("gbPoke", while: !gbPaused) { Require(!gbPaused) }
    BorrowableVotingPower(gbDao, 99)
    BorrowableVotingPower(gbGov, 59)
}
func gbProcedure(_ name: String, _ action: String, _ role: Role, _ incident: Incident, file: String = #filePath,
                 line: Int = #line) -> Procedure
{
    Procedure(name, model: gbModel, incident: incident, file: file, line: line) {
        Trigger(!gbPaused)
        Step("pause", action: action, by: role, within: 2 * days) { Writes(gbPaused) }
        Containment(gbPaused, within: 2 * days)
    }
}
let gbP1 = gbProcedure("GBDaoHundred", "pauseDao", gbAdminDao, gbHigh)
let gbP2 = gbProcedure("GBDaoNinetyNine", "pauseDao", gbAdminDao, gbLow)
let gbP3 = gbProcedure("GBGovSixty", "pauseGov", gbAdminGov, gbHigh)
let gbP4 = gbProcedure("GBGovFiftyNine", "pauseGov", gbAdminGov, gbLow)
let gbP5 = gbProcedure("GBSnapshot", "pauseSnap", gbAdminSnap, gbHigh)
