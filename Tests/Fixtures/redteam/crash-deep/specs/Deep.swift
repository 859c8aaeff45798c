import RecovDSL
// Issue 9 class 17, held-out form: a very deep expression built at run time by a loop
// (200,000 nested `+ 1`, left-nested: ((x + 1) + 1) + ...). Expected: no signal 11 of the spec
// program or of recovcheck; either a clear limit error (exit 2) pointing at this spec
// (the BlastRadius on line 33 or the builder on line 9), or a verdict.
func dpDeep(_ base: IntExpr) -> IntExpr {
    var e = base
    for _ in 0..<200_000 {
        e = e + 1
    }
    return e
}
let dpPaused = Flag("dpPaused", initial: false)
let dpOut = IntVar("dpOut", 0...10, initial: 0)
let dpA = Entity("DP A"), dpB = Entity("DP B")
let dpK1 = Key("dp-k1", heldBy: dpA), dpK2 = Key("dp-k2", heldBy: dpB)
let dpGuardian = Role.multisig("dpGuardian", threshold: 2, of: [dpK1, dpK2])
let dpModel = Model("Deep") {
    State(dpPaused, dpOut)
    Entities(dpA, dpB)
    Keys(dpK1, dpK2)
    Roles(dpGuardian)
    Action("dpPause", by: dpGuardian) { Require(!dpPaused); Assign(dpPaused, true) }
    Claim { _ in IntExpr(0) }
}
let dpIncident = Incident("DP", model: dpModel) {
    Attack("dpLeak", while: !dpPaused) { Require(dpOut < 10); Assign(dpOut, dpOut + 1) }
}
let dpProc = Procedure("DPPause", model: dpModel, incident: dpIncident) {
    Trigger(!dpPaused)
    Step("pause", action: "dpPause", by: dpGuardian, within: 600) { Writes(dpPaused) }
    Containment(dpPaused, within: 1 * hour)
    BlastRadius(loss: dpDeep(dpOut), max: 1_000_000)
}
