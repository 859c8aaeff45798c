import RecovDSL
// Euclidean division and remainder on negatives (docs/semantics.md). x starts anywhere in -10...10.
// Hand-worked: -7 = 2 * (-4) + 1 and -7 = (-2) * 4 + 1 (Euclidean: 0 <= r < |d|); x / 0 == 0, x % 0 == x.
// - DVEuclid: invariant !(x / 2 == -4 && x % 2 == 1): false exactly at x = -7: VIOLATED at the
//   initial state (x = -7), replayed. DVNegDivisor: !(x / -2 == 4 && x % -2 == 1): x = -7: VIOLATED.
// - DVZero: !(x / 0 == 0 && x % 0 == x && x == -3): x = -3: VIOLATED.
// - DVSound: x % 3 >= 0 && x % -3 >= 0 && x == (x / -3) * -3 + x % -3: true for every x: holds.
let dvX = IntVar("dvX", -10...10)
let dvPaused = Flag("dvPaused", initial: false)
let dvA = Entity("DV A"), dvB = Entity("DV B")
let dvK1 = Key("dv-k1", heldBy: dvA), dvK2 = Key("dv-k2", heldBy: dvB)
let dvGuardian = Role.multisig("dvGuardian", threshold: 2, of: [dvK1, dvK2])
let dvModel = Model("Div") {
    State(dvX, dvPaused)
    Entities(dvA, dvB)
    Keys(dvK1, dvK2)
    Roles(dvGuardian)
    Action("pause", by: dvGuardian) { Require(!dvPaused); Assign(dvPaused, true) }
    Claim { _ in IntExpr(0) }
}
let dvIncident = Incident("DV", model: dvModel) {
    Attack("dvPoke", while: !dvPaused) { Require(!dvPaused) }
}
func dvProc(_ name: String, _ inv: BoolExpr, file: String = #filePath, line: Int = #line) -> Procedure {
    Procedure(name, model: dvModel, incident: dvIncident, file: file, line: line) {
        Trigger(!dvPaused)
        Step("pause", action: "pause", by: dvGuardian, within: 600) { Writes(dvPaused) }
        Invariant("arith", inv)
    }
}
let dvEuclid = dvProc("DVEuclid", !(dvX / 2 == -4 && dvX % 2 == 1))
let dvNeg = dvProc("DVNegDivisor", !(dvX / -2 == 4 && dvX % -2 == 1))
let dvZero = dvProc("DVZero", !(dvX / 0 == 0 && dvX % 0 == dvX && dvX == -3))
let dvSound = dvProc("DVSound", dvX % 3 >= 0 && dvX % -3 >= 0 && dvX == (dvX / -3) * -3 + dvX % -3)
