import RecovDSL
// Issue 9 class 17, held-out form: the spec program crashes in a helper (`fcLimit`) called from
// inside a procedure's builder closure (fatalError on line 9). Expected: an error (exit 2, no
// signal) pointing into the specs (this file, line 9 or the call on line 30), not a crash of
// recovcheck and not the first spec file's 1:1.
func fcLimit(_ n: Int) -> Int {
    if n > 3 {
        // the crash
        fatalError("fcLimit: limit too large")
    }
    return n
}
let fcPaused = Flag("fcPaused", initial: false)
let fcA = Entity("FC A"), fcB = Entity("FC B")
let fcK1 = Key("fc-k1", heldBy: fcA), fcK2 = Key("fc-k2", heldBy: fcB)
let fcGuardian = Role.multisig("fcGuardian", threshold: 2, of: [fcK1, fcK2])
let fcModel = Model("FatalHelper") {
    State(fcPaused)
    Entities(fcA, fcB)
    Keys(fcK1, fcK2)
    Roles(fcGuardian)
    Action("fcPause", by: fcGuardian) { Require(!fcPaused); Assign(fcPaused, true) }
    Claim { _ in IntExpr(0) }
}
let fcIncident = Incident("FC", model: fcModel) { Attack("fcPoke", while: !fcPaused) { Require(!fcPaused) } }
let fcProc = Procedure("FCPause", model: fcModel, incident: fcIncident) {
    Trigger(!fcPaused)
    Step("pause", action: "fcPause", by: fcGuardian, within: 600) { Writes(fcPaused) }
    Containment(fcPaused, within: 1 * hour)
    Window(fcLimit(7) * hour)
}
