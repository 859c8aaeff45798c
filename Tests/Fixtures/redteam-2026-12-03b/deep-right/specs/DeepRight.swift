import RecovDSL
// Very deep expressions nested on the right and through ite (not shared: a tree of linear size):
// drCond = (drX >= 0) && ((drX >= 0) && (... 100,000 times ...)), built at line 10;
// drLoss = ite(drX > 0, drX, ite(drX > 0, drX, ... 20,000 times ... drX)) = drX, built at line 11.
// Hand-worked (issue 9 class 17): no signal of the spec program or of recovcheck; either a clear
// limit error (exit 2) pointing at this spec, or the verdicts: invariant 'deep' (line 30) holds or
// PROVED (drX stays in 0...10); blast-radius (loss drLoss = drX, max 0) VIOLATED (the attack raises
// drX from 0 to 1); exit 1.
let drX = IntVar("drX", 0...10, initial: 0)
let drCond: BoolExpr = { var e: BoolExpr = drX >= 0; for _ in 0..<100_000 { e = (drX >= 0) && e }; return e }()
let drLoss: IntExpr = { var e: IntExpr = drX; for _ in 0..<20_000 { e = ite(drX > 0, drX, e) }; return e }()
let drPaused = Flag("drPaused", initial: false)
let drA = Entity("DR A"), drB = Entity("DR B")
let drK1 = Key("dr-k1", heldBy: drA), drK2 = Key("dr-k2", heldBy: drB)
let drGuardian = Role.multisig("drGuardian", threshold: 2, of: [drK1, drK2])
let drModel = Model("DeepRight") {
    State(drX, drPaused)
    Entities(drA, drB)
    Keys(drK1, drK2)
    Roles(drGuardian)
    Action("pause", by: drGuardian) { Require(!drPaused); Assign(drPaused, true) }
    Claim { _ in IntExpr(0) }
}
let drIncident = Incident("DR", model: drModel) {
    Attack("drBump", while: !drPaused) { Require(drX < 10); Assign(drX, drX + 1) }
}
let drProcedure = Procedure("DRPause", model: drModel, incident: drIncident) {
    Trigger(!drPaused && drX == 0)
    Step("pause", action: "pause", by: drGuardian, within: 1 * hour) { Writes(drPaused) }
    Invariant("deep", drCond)
    BlastRadius(loss: drLoss, max: 0)
}
