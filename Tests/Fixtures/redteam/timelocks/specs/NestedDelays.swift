import RecovDSL
// Issue 9 class 2, held-out forms. Trigger pins the trigger time to 0 (`now == 0`).
// Hand-worked:
// - NDChain: step by timelock(timelock(guardian, 1d), 1d): delays add up, earliest 2d; the
//   containment promise is 36h: containment-time VIOLATED (contained at 2d at the earliest).
//   bounded-intervention holds (within: 3d >= 2d; the step can always run).
// - NDAllOf: step by allOf([timelock(guardian, 1d), timelock(guardian, 3d)]): the longest, 3d;
//   containment promised within 2d: containment-time VIOLATED.
// - NDGraceShort: timelock(guardian, 1d, grace: 1d), step within 5d whose guard needs now >= 3d:
//   its deadline is min(5d, 1d + 1d) = 2d, at which the guard is false: blocked,
//   bounded-intervention VIOLATED (and containment-time, promised within 5d, VIOLATED: blocked
//   before containment).
// - NDGraceLong: the same with grace: 3d: deadline min(5d, 4d) = 4d, the step runs at 3d:
//   bounded-intervention and containment-time hold (or proved).
let ndPaused = Flag("ndPaused", initial: false)
let ndLoss = IntVar("ndLoss", 0...100, initial: 0)
let ndA = Entity("ND A"), ndB = Entity("ND B")
let ndK1 = Key("nd-k1", heldBy: ndA), ndK2 = Key("nd-k2", heldBy: ndB)
let ndGuardian = Role.multisig("ndGuardian", threshold: 2, of: [ndK1, ndK2])
let ndInner = Role.timelock("ndInner", role: ndGuardian, minDelay: 1 * day)
let ndChain = Role.timelock("ndChain", role: ndInner, minDelay: 1 * day)
let ndSlow = Role.timelock("ndSlow", role: ndGuardian, minDelay: 3 * days)
let ndBoth = Role.allOf("ndBoth", [ndInner, ndSlow])
let ndShortGrace = Role.timelock("ndShortGrace", role: ndGuardian, minDelay: 1 * day, grace: 1 * day)
let ndLongGrace = Role.timelock("ndLongGrace", role: ndGuardian, minDelay: 1 * day, grace: 3 * days)

let ndModel = Model("NestedDelays") {
    State(ndPaused, ndLoss)
    Entities(ndA, ndB)
    Keys(ndK1, ndK2)
    Roles(ndGuardian, ndInner, ndChain, ndSlow, ndBoth, ndShortGrace, ndLongGrace)
    Action("chainPause", by: ndChain) { Require(!ndPaused); Assign(ndPaused, true) }
    Action("bothPause", by: ndBoth) { Require(!ndPaused); Assign(ndPaused, true) }
    Action("latePauseShort", by: ndShortGrace) { Require(!ndPaused && now >= IntExpr(3 * days)); Assign(ndPaused, true) }
    Action("latePauseLong", by: ndLongGrace) { Require(!ndPaused && now >= IntExpr(3 * days)); Assign(ndPaused, true) }
    Claim { _ in IntExpr(0) }
}
let ndIncident = Incident("ND", model: ndModel) {
    Attack("ndLeak", while: !ndPaused) { Require(ndLoss < 100); Assign(ndLoss, ndLoss + 1) }
}
let ndChainProc = Procedure("NDChain", model: ndModel, incident: ndIncident) {
    Trigger(!ndPaused && now == 0)
    Step("pause", action: "chainPause", by: ndChain, within: 3 * days) { Writes(ndPaused) }
    Containment(ndPaused, within: 36 * hours)
}
let ndAllOfProc = Procedure("NDAllOf", model: ndModel, incident: ndIncident) {
    Trigger(!ndPaused && now == 0)
    Step("pause", action: "bothPause", by: ndBoth, within: 4 * days) { Writes(ndPaused) }
    Containment(ndPaused, within: 2 * days)
}
let ndGraceShortProc = Procedure("NDGraceShort", model: ndModel, incident: ndIncident) {
    Trigger(!ndPaused && now == 0)
    Step("pause", action: "latePauseShort", by: ndShortGrace, within: 5 * days) { Writes(ndPaused) }
    Containment(ndPaused, within: 5 * days)
}
let ndGraceLongProc = Procedure("NDGraceLong", model: ndModel, incident: ndIncident) {
    Trigger(!ndPaused && now == 0)
    Step("pause", action: "latePauseLong", by: ndLongGrace, within: 5 * days) { Writes(ndPaused) }
    Containment(ndPaused, within: 5 * days)
}
