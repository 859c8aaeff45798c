import RecovDSL
// Issue 9 class 2 (grace), held-out forms. The trigger pins the trigger time to 0. Every step's
// guard needs some time to have passed; hand-worked deadlines (docs/semantics.md, *Grace*: the
// step is queued so that it becomes executable at its earliest time; the outermost timelock's
// grace counts on a chain; in an allOf the first to expire counts):
// - GFAfter: timelock(guardian, 1d, grace: 1d), step after: 3d, within: 10d, guard now >= 3d12h.
//   Earliest = max(3d, 1d) = 3d; expiry 3d + 1d = 4d; the step runs at 3d12h: bounded-intervention
//   holds (or proved). (Expiry counted from the bare delay, 1d + 1d = 2d, would block it: wrong.)
// - GFChain: timelock(timelock(guardian, 1d, grace: 1h), 1d, grace: 10d), within: 20d, guard
//   now >= 3d: earliest 2d, only the outer grace counts: deadline 12d: holds.
// - GFAllOf: allOf([timelock(guardian, 1d, grace: 1d), timelock(guardian, 2d, grace: 5d)]),
//   within: 10d, guard now >= 2d12h: earliest 2d (the longest), both queued to be executable at
//   2d, the first expires at 3d: the step runs at 2d12h: holds.
// - GFAllOfLate: the same role, guard now >= 3d12h: past the first expiry (3d): blocked,
//   bounded-intervention VIOLATED. Exit 1 overall.
let gfPaused = Flag("gfPaused", initial: false)
let gfLeak = IntVar("gfLeak", 0...100, initial: 0)
let gfA = Entity("GF A"), gfB = Entity("GF B")
let gfK1 = Key("gf-k1", heldBy: gfA), gfK2 = Key("gf-k2", heldBy: gfB)
let gfGuardian = Role.multisig("gfGuardian", threshold: 2, of: [gfK1, gfK2])
let gfShort = Role.timelock("gfShort", role: gfGuardian, minDelay: 1 * day, grace: 1 * day)
let gfInnerShort = Role.timelock("gfInnerShort", role: gfGuardian, minDelay: 1 * day, grace: 1 * hour)
let gfChain = Role.timelock("gfChain", role: gfInnerShort, minDelay: 1 * day, grace: 10 * days)
let gfLong = Role.timelock("gfLong", role: gfGuardian, minDelay: 2 * days, grace: 5 * days)
let gfBoth = Role.allOf("gfBoth", [gfShort, gfLong])
let gfModel = Model("GraceForms") {
    State(gfPaused, gfLeak)
    Entities(gfA, gfB)
    Keys(gfK1, gfK2)
    Roles(gfGuardian, gfShort, gfInnerShort, gfChain, gfLong, gfBoth)
    Action("afterPause", by: gfShort) { Require(!gfPaused && now >= IntExpr(3 * days + 12 * hours)); Assign(gfPaused, true) }
    Action("chainPause", by: gfChain) { Require(!gfPaused && now >= IntExpr(3 * days)); Assign(gfPaused, true) }
    Action("bothPause", by: gfBoth) { Require(!gfPaused && now >= IntExpr(2 * days + 12 * hours)); Assign(gfPaused, true) }
    Action("bothLatePause", by: gfBoth) { Require(!gfPaused && now >= IntExpr(3 * days + 12 * hours)); Assign(gfPaused, true) }
    Claim { _ in IntExpr(0) }
}
let gfIncident = Incident("GF", model: gfModel) {
    Attack("gfDrip", while: !gfPaused) { Require(gfLeak < 100); Assign(gfLeak, gfLeak + 1) }
}
let gfAfterProc = Procedure("GFAfter", model: gfModel, incident: gfIncident) {
    Trigger(!gfPaused && now == 0)
    Step("pause", action: "afterPause", by: gfShort, after: 3 * days, within: 10 * days) { Writes(gfPaused) }
}
let gfChainProc = Procedure("GFChain", model: gfModel, incident: gfIncident) {
    Trigger(!gfPaused && now == 0)
    Step("pause", action: "chainPause", by: gfChain, within: 20 * days) { Writes(gfPaused) }
}
let gfAllOfProc = Procedure("GFAllOf", model: gfModel, incident: gfIncident) {
    Trigger(!gfPaused && now == 0)
    Step("pause", action: "bothPause", by: gfBoth, within: 10 * days) { Writes(gfPaused) }
}
let gfAllOfLateProc = Procedure("GFAllOfLate", model: gfModel, incident: gfIncident) {
    Trigger(!gfPaused && now == 0)
    Step("pause", action: "bothLatePause", by: gfBoth, within: 10 * days) { Writes(gfPaused) }
}
