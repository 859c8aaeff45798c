import RecovDSL
// Several BlastRadius-like declarations in one procedure: a whole-trace budget (line 26) and a
// per-day budget (line 27), then a second Window (line 29). docs/semantics.md, Declarations: one
// BlastRadius and one Window per procedure, a second is an error at its line.
// Hand-worked: input error (exit 2) at line 27 (the second BlastRadius), not a silent replacement
// (the per-day budget of 100 would pass where the whole-trace budget of 5 fails) and not a pass.
let tbPaused = Flag("tbPaused", initial: false)
let tbStolen = IntVar("tbStolen", 0...100, initial: 0)
let tbA = Entity("TB A"), tbB = Entity("TB B")
let tbK1 = Key("tb-k1", heldBy: tbA), tbK2 = Key("tb-k2", heldBy: tbB)
let tbGuardian = Role.multisig("tbGuardian", threshold: 2, of: [tbK1, tbK2])
let tbModel = Model("TwoBlast") {
    State(tbPaused, tbStolen)
    Entities(tbA, tbB)
    Keys(tbK1, tbK2)
    Roles(tbGuardian)
    Action("pause", by: tbGuardian) { Assign(tbPaused, true) }
    Claim { _ in IntExpr(0) }
}
let tbIncident = Incident("TB", model: tbModel) {
    Attack("tbDrain", while: !tbPaused) { Require(tbStolen <= 90); Assign(tbStolen, tbStolen + 10) }
}
let tbProcedure = Procedure("TBPause", model: tbModel, incident: tbIncident) {
    Trigger(!tbPaused && tbStolen == 0)
    Step("pause", action: "pause", by: tbGuardian, within: 1 * hour) { Writes(tbPaused) }
    BlastRadius(loss: tbStolen, max: 5)
    BlastRadius(loss: tbStolen, max: 100, per: 1 * day)
    Window(2 * hours)
    Window(1 * hour)
}
