import RecovDSL
// A small DAG that is a huge tree: each level uses the previous expression three times, 40 levels
// (3^40 ≈ 1.2e19 leaves if expanded). Built at line 9, used by the BlastRadius at line 28.
// Hand-worked (issue 9 class 17): never a signal and never a hang past the spec program's time
// limit; either a verdict (blast-radius VIOLATED: the expression equals dsX + 40, and dsX goes
// 0 -> 1) or a clear limit error (exit 2) pointing at this spec.
let dsX = IntVar("dsX", 0...10, initial: 0)
let dsPaused = Flag("dsPaused", initial: false)
let dsExpr: IntExpr = { var e: IntExpr = dsX; for _ in 0..<40 { e = ite(e >= 0, e + 1, e) }; return e }()
let dsA = Entity("DS A"), dsB = Entity("DS B")
let dsK1 = Key("ds-k1", heldBy: dsA), dsK2 = Key("ds-k2", heldBy: dsB)
let dsGuardian = Role.multisig("dsGuardian", threshold: 2, of: [dsK1, dsK2])
let dsModel = Model("DeepShare") {
    State(dsX, dsPaused)
    Entities(dsA, dsB)
    Keys(dsK1, dsK2)
    Roles(dsGuardian)
    Action("pause", by: dsGuardian) { Require(!dsPaused); Assign(dsPaused, true) }
    Claim { _ in IntExpr(0) }
}
let dsIncident = Incident("DS", model: dsModel) {
    Attack("dsBump", while: !dsPaused) { Require(dsX < 10); Assign(dsX, dsX + 1) }
}
let dsProcedure = Procedure("DSPause", model: dsModel, incident: dsIncident) {
    Trigger(!dsPaused && dsX == 0)
    Step("pause", action: "pause", by: dsGuardian, within: 1 * hour) { Writes(dsPaused) }
    // the loss is dsX + 40 when dsX >= 0
    BlastRadius(loss: dsExpr, max: 0)
}
