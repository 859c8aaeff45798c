import RecovDSL
// Arithmetic near the documented literal limit (10^15). olX starts anywhere in -10^15...10^15;
// olY starts at 0 and an attack sets it to any value in 0...10^15.
// Hand-worked (the solver's integers are unbounded; only a counterexample needing > 64 bits is an error):
// - OLSquare: Invariant olX * olX < 10^15: false for |olX| >= 31622777 (31622776^2 =
//   999999961946176 < 10^15 <= 31622777^2 = 1000000025191729): invariant VIOLATED in the initial
//   state; every value in the counterexample fits 64 bits (no overflow error).
// - OLCube: Invariant olX * olX * olX >= 0 - 1: false for olX <= -2 (-8 < -1): VIOLATED (x = -2
//   shrunk, or any x <= -2), values fit 64 bits.
// - OLHuge: Invariant olX * olX * olX <= 10^15 * 10^15 * 10^15 (10^45, true for every olX in
//   range; its extreme values need > 64 bits but no counterexample exists): holds or PROVED, never
//   an overflow error.
// - OLLoss: BlastRadius(loss: olY * olY, max: 10^15): the attack sets olY = 31622777 (loss
//   1000000025191729 > 10^15): blast-radius VIOLATED, with values that fit 64 bits (the shrunk
//   counterexample need not use olY = 10^15, whose square needs 100 bits).
// Exit 1.
let olX = IntVar("olX", -1_000_000_000_000_000...1_000_000_000_000_000)
let olY = IntVar("olY", 0...1_000_000_000_000_000, initial: 0)
let olDone = Flag("olDone", initial: false)
let olA = Entity("OL A"), olB = Entity("OL B")
let olK1 = Key("ol-k1", heldBy: olA), olK2 = Key("ol-k2", heldBy: olB)
let olGuardian = Role.multisig("olGuardian", threshold: 2, of: [olK1, olK2])
let olModel = Model("OverflowNear") {
    State(olX, olY, olDone)
    Entities(olA, olB)
    Keys(olK1, olK2)
    Roles(olGuardian)
    Action("finish", by: olGuardian) { Require(!olDone); Assign(olDone, true) }
    Claim { _ in IntExpr(0) }
}
let olIncident = Incident("OL", model: olModel) {
    Attack("olSet", while: !olDone) { ctx in
        let v = ctx.int("v", 0...1_000_000_000_000_000)
        Assign(olY, v)
    }
}
let olSquare = Procedure("OLSquare", model: olModel, incident: olIncident) {
    Trigger(!olDone && olY == 0)
    Step("finish", action: "finish", by: olGuardian, within: 600) { Writes(olDone) }
    Invariant("square", olX * olX < IntExpr(1_000_000_000_000_000))
}
let olCube = Procedure("OLCube", model: olModel, incident: olIncident) {
    Trigger(!olDone && olY == 0)
    Step("finish", action: "finish", by: olGuardian, within: 600) { Writes(olDone) }
    Invariant("cube", olX * olX * olX >= IntExpr(0) - 1)
}
let olHuge = Procedure("OLHuge", model: olModel, incident: olIncident) {
    Trigger(!olDone && olY == 0)
    Step("finish", action: "finish", by: olGuardian, within: 600) { Writes(olDone) }
    Invariant(
        "huge",
        olX * olX * olX
            <= IntExpr(1_000_000_000_000_000) * IntExpr(1_000_000_000_000_000) * IntExpr(1_000_000_000_000_000))
}
let olLoss = Procedure("OLLoss", model: olModel, incident: olIncident) {
    Trigger(!olDone && olY == 0)
    Step("finish", action: "finish", by: olGuardian, within: 600) { Writes(olDone) }
    BlastRadius(loss: olY * olY, max: 1_000_000_000_000_000)
}
