import RecovDSL
// Two MaxChange and two InRange on one target in one step. tbCash starts at 920; the step takes
// args ["x": 50]: tbCash 920 -> 870.
// Hand-worked (docs/semantics.md, Declarations: every declaration changes the check or is an error;
// bounded-intervention: "each InRange holds and each MaxChange is respected"):
// - TBMaxChange: MaxChange(tbCash, 10) then MaxChange(tbCash, 100): both apply, a change of 50
//   breaks the first: bounded-intervention VIOLATED (or an input error at line 36). Never a pass.
// - TBInRange: InRange(tbCash, 0...1000) then InRange(tbCash, 900...1000): 870 breaks the second:
//   bounded-intervention VIOLATED (or an input error at line 44). Never a pass.
let tbCash = IntVar("tbCash", 0...1_000, initial: 920)
let tbDone = Flag("tbDone", initial: false)
let tbA = Entity("TB A"), tbB = Entity("TB B")
let tbK1 = Key("tb-k1", heldBy: tbA), tbK2 = Key("tb-k2", heldBy: tbB)
let tbGuardian = Role.multisig("tbGuardian", threshold: 2, of: [tbK1, tbK2])
let tbModel = Model("TwoBounds") {
    State(tbCash, tbDone)
    Entities(tbA, tbB)
    Keys(tbK1, tbK2)
    Roles(tbGuardian)
    Action("draw", by: tbGuardian) { ctx in
        let x = ctx.int("x", 1...100)
        Require(!tbDone && tbCash >= x)
        Assign(tbCash, tbCash - x)
        Assign(tbDone, true)
    }
    Claim { _ in IntExpr(0) }
}
let tbIncident = Incident("TB", model: tbModel) {
    Attack("tbPoke", while: !tbDone) { Require(!tbDone) }
}
let tbMaxChange = Procedure("TBMaxChange", model: tbModel, incident: tbIncident) {
    Trigger(!tbDone)
    Step("draw", action: "draw", by: tbGuardian, within: 600, args: ["x": 50]) {
        Writes(tbCash, tbDone)
        MaxChange(tbCash, 10)
        MaxChange(tbCash, 100)
    }
}
let tbInRange = Procedure("TBInRange", model: tbModel, incident: tbIncident) {
    Trigger(!tbDone)
    Step("draw", action: "draw", by: tbGuardian, within: 600, args: ["x": 50]) {
        Writes(tbCash, tbDone)
        InRange(tbCash, 0...1_000)
        InRange(tbCash, 900...1_000)
    }
}
