import RecovDSL
// Issue 9 class 15, held-out form: the incident's Oracle range (0...20) is wider than the
// variable's declared range (1...10). An oracle move to 0 or 11..20 leaves the declared range;
// docs/semantics.md says oracle moves stay inside their own declared range, and a range never
// hides an attack. Hand-worked right answers: an input error at the Oracle's line, or the
// invariant rule VIOLATED ("left its declared range") — never a silent pass of `invariant` with
// the oracle quietly clipped to 1...10. Also: orPrice == 0 makes the division below 0 → the
// liquidation fires only when orPrice > 10: blast-radius (budget 0) VIOLATED through an oracle
// move to 11..20, or the input error.
let orPrice = IntVar("orPrice", 1...10, initial: 5)
let orOut = IntVar("orOut", 0...100, initial: 0)
let orPaused = Flag("orPaused", initial: false)
let orA = Entity("OR A"), orB = Entity("OR B")
let orK1 = Key("or-k1", heldBy: orA), orK2 = Key("or-k2", heldBy: orB)
let orGuardian = Role.multisig("orGuardian", threshold: 2, of: [orK1, orK2])
let orModel = Model("OracleRange") {
    State(orPrice, orOut, orPaused)
    Entities(orA, orB)
    Keys(orK1, orK2)
    Roles(orGuardian)
    Action("orPause", by: orGuardian) { Require(!orPaused); Assign(orPaused, true) }
    UserAction("orLiquidate") { _ in Require(!orPaused && orPrice > 10 && orOut == 0); Assign(orOut, 50) }
    Claim { _ in IntExpr(0) }
}
let orIncident = Incident("OR", model: orModel) {
    Oracle(orPrice, 0...20)
    Attack("orPoke", while: !orPaused) { Require(!orPaused) }
}
let orProc = Procedure("ORPause", model: orModel, incident: orIncident) {
    Trigger(!orPaused)
    Step("pause", action: "orPause", by: orGuardian, within: 600) { Writes(orPaused) }
    BlastRadius(loss: orOut, max: 0)
}
