import RecovDSL
// Issue 9 class 3, held-out forms: each must be an input error (exit 2) at its own file:line.
// - line 22: a second Containment inside one procedure (after a step, not adjacent).
// - line 28: a second Window.
// - line 34: a second Trigger.
let ddPaused = Flag("ddPaused", initial: false)
let ddA = Entity("DD A"), ddB = Entity("DD B")
let ddK1 = Key("dd-k1", heldBy: ddA), ddK2 = Key("dd-k2", heldBy: ddB)
let ddGuardian = Role.multisig("ddGuardian", threshold: 2, of: [ddK1, ddK2])
let ddModel = Model("DupDecls") {
    State(ddPaused)
    Entities(ddA, ddB)
    Keys(ddK1, ddK2)
    Roles(ddGuardian)
    Action("ddPause", by: ddGuardian) { Require(!ddPaused); Assign(ddPaused, true) }
    Claim { _ in IntExpr(0) }
}
let ddIncident = Incident("DD", model: ddModel) { Attack("ddPoke", while: !ddPaused) { Require(!ddPaused) } }
let ddOne = Procedure("DDContainment", model: ddModel, incident: ddIncident) {
    Containment(ddPaused, within: 1 * hour); Trigger(!ddPaused)
    Step("pause", action: "ddPause", by: ddGuardian, within: 600) { Writes(ddPaused) }
    Containment(ddPaused, within: 2 * hours)
}
let ddTwo = Procedure("DDWindow", model: ddModel, incident: ddIncident) {
    Trigger(!ddPaused); Window(1 * day)
    Step("pause", action: "ddPause", by: ddGuardian, within: 600) { Writes(ddPaused) }
    Containment(ddPaused, within: 1 * hour)
    Window(2 * days)
}
let ddThree = Procedure("DDTrigger", model: ddModel, incident: ddIncident) {
    Trigger(!ddPaused)
    Step("pause", action: "ddPause", by: ddGuardian, within: 600) { Writes(ddPaused) }
    Containment(ddPaused, within: 1 * hour)
    Trigger(ddPaused)
}
