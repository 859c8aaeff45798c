import RecovDSL
// Grace expiry and nested timelocks with vetoes. GE C compromised. Guardian = 2-of-2 of GE A, GE B.
// - GEGraceVeto: timelock(guardian, 1d, grace 1d, vetoBy: key ge-kc (C)), within 3d: the attacker cancels:
//   bounded-intervention VIOLATED, the message names the veto.
// - GEGraceHonest: timelock(guardian, 1d, grace 1d, vetoBy: key ge-va (A)), within 3d: the honest run it
//   between 1d and 2d, nobody else cancels: holds.
// - GEInnerVeto: timelock(timelock(guardian, 1d, vetoBy: key ge-kc), 1d), within 3d: the inner veto cancels: VIOLATED.
// - GEOuterVeto: timelock(timelock(guardian, 1d, vetoBy: key ge-va), 1d, vetoBy: key ge-kc), within 3d: the
//   outer veto cancels: VIOLATED.
// - GENestedHonest: timelock(timelock(guardian, 1d, vetoBy: key ge-va), 1d, vetoBy: key ge-va), within 3d:
//   earliest 2d: holds.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let gePaused = Flag("gePaused", initial: false)
let geA = Entity("GE A"), geB = Entity("GE B"), geC = Entity("GE C")
let geK1 = Key("ge-k1", heldBy: geA), geK2 = Key("ge-k2", heldBy: geB), geKC = Key("ge-kc", heldBy: geC)
let geVA = Key("ge-va", heldBy: geA)
let geGuardian = Role.multisig("geGuardian", threshold: 2, of: [geK1, geK2])
let geCKey = Role.key("geCKey", geKC)
let geAKey = Role.key("geAKey", geVA)
let geGraceC = Role.timelock("geGraceC", role: geGuardian, minDelay: 1 * day, grace: 1 * day, vetoBy: geCKey)
let geGraceA = Role.timelock("geGraceA", role: geGuardian, minDelay: 1 * day, grace: 1 * day, vetoBy: geAKey)
let geInnerC = Role.timelock("geInnerC", role: geGuardian, minDelay: 1 * day, vetoBy: geCKey)
let geInnerA = Role.timelock("geInnerA", role: geGuardian, minDelay: 1 * day, vetoBy: geAKey)
let geOuterPlain = Role.timelock("geOuterPlain", role: geInnerC, minDelay: 1 * day)
let geOuterC = Role.timelock("geOuterC", role: geInnerA, minDelay: 1 * day, vetoBy: geCKey)
let geOuterA = Role.timelock("geOuterA", role: geInnerA, minDelay: 1 * day, vetoBy: geAKey)
let geModel = Model("GE") {
    State(gePaused)
    Entities(geA, geB, geC)
    Keys(geK1, geK2, geKC, geVA)
    Roles(geGuardian, geCKey, geAKey, geGraceC, geGraceA, geInnerC, geInnerA, geOuterPlain, geOuterC, geOuterA)
    Action("pauseGraceC", by: geGraceC) { Require(!gePaused); Assign(gePaused, true) }
    Action("pauseGraceA", by: geGraceA) { Require(!gePaused); Assign(gePaused, true) }
    Action("pauseInner", by: geOuterPlain) { Require(!gePaused); Assign(gePaused, true) }
    Action("pauseOuter", by: geOuterC) { Require(!gePaused); Assign(gePaused, true) }
    Action("pauseNested", by: geOuterA) { Require(!gePaused); Assign(gePaused, true) }
    Claim { _ in IntExpr(0) }
}
let geIncident = Incident("GE C compromised", model: geModel) {
    Compromised(geC)
    Attack("gePoke", while: !gePaused) { Require(!gePaused) }
}
func geProcedure(_ name: String, _ action: String, _ role: Role, file: String = #filePath, line: Int = #line)
    -> Procedure
{
    Procedure(name, model: geModel, incident: geIncident, file: file, line: line) {
        Trigger(!gePaused)
        Step("pause", action: action, by: role, within: 3 * days) { Writes(gePaused) }
        Containment(gePaused, within: 3 * days)
    }
}
let geP1 = geProcedure("GEGraceVeto", "pauseGraceC", geGraceC)
let geP2 = geProcedure("GEGraceHonest", "pauseGraceA", geGraceA)
let geP3 = geProcedure("GEInnerVeto", "pauseInner", geOuterPlain)
let geP4 = geProcedure("GEOuterVeto", "pauseOuter", geOuterC)
let geP5 = geProcedure("GENestedHonest", "pauseNested", geOuterA)
