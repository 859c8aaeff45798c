import RecovDSL
// A step blocked because its timelock's queued operation expires, while an attack that leaks one
// unit per day goes on. Trigger at time 0. The leak's guard allows the i-th leak (from 0) at
// now >= i days: gbLeaks * IntExpr(1 * day) <= now.
// Hand-worked:
// - GBExpired: pause by timelock(guardian, 1d, grace: 1d), within 5d, guard now >= 3d: deadline
//   min(5d, 1d + 1d) = 2d, guard false there: blocked. bounded-intervention VIOLATED. The clock and
//   the attacker go on: leaks at 0, 1d, 2d, 3d, 4d = 5 > budget 4 (9 transitions): blast-radius
//   VIOLATED (gbLeaks 0 -> 5). containment-time (within 5d) VIOLATED.
// - GBInTime: the same with grace 2d: deadline 3d, the pause runs exactly at 3d; leaks at 0, 1d,
//   2d, 3d (the attacker may go first at 3d) = 4 <= 4: blast-radius holds; bounded-intervention
//   and containment-time hold.
let gbPaused = Flag("gbPaused", initial: false)
let gbLeaks = IntVar("gbLeaks", 0...100, initial: 0)
let gbA = Entity("GB A"), gbB = Entity("GB B")
let gbK1 = Key("gb-k1", heldBy: gbA), gbK2 = Key("gb-k2", heldBy: gbB)
let gbGuardian = Role.multisig("gbGuardian", threshold: 2, of: [gbK1, gbK2])
let gbShort = Role.timelock("gbShort", role: gbGuardian, minDelay: 1 * day, grace: 1 * day)
let gbLong = Role.timelock("gbLong", role: gbGuardian, minDelay: 1 * day, grace: 2 * days)
let gbModel = Model("GraceBlocked") {
    State(gbPaused, gbLeaks)
    Entities(gbA, gbB)
    Keys(gbK1, gbK2)
    Roles(gbGuardian, gbShort, gbLong)
    Action("pauseShort", by: gbShort) { Require(!gbPaused && now >= IntExpr(3 * days)); Assign(gbPaused, true) }
    Action("pauseLong", by: gbLong) { Require(!gbPaused && now >= IntExpr(3 * days)); Assign(gbPaused, true) }
    Claim { _ in IntExpr(0) }
}
let gbIncident = Incident("GB daily leak", model: gbModel) {
    Attack("gbLeak", while: !gbPaused) { Require(gbLeaks < 100 && gbLeaks * IntExpr(1 * day) <= now); Assign(gbLeaks, gbLeaks + 1) }
}
let gbExpired = Procedure("GBExpired", model: gbModel, incident: gbIncident) {
    Trigger(!gbPaused && now == 0)
    Step("pause", action: "pauseShort", by: gbShort, within: 5 * days) { Writes(gbPaused) }
    Containment(gbPaused, within: 5 * days)
    BlastRadius(loss: gbLeaks, max: 4)
}
let gbInTime = Procedure("GBInTime", model: gbModel, incident: gbIncident) {
    Trigger(!gbPaused && now == 0)
    Step("pause", action: "pauseLong", by: gbLong, within: 5 * days) { Writes(gbPaused) }
    Containment(gbPaused, within: 5 * days)
    BlastRadius(loss: gbLeaks, max: 4)
}
