import RecovDSL

// Issue 9, class 3: a second Containment, BlastRadius or Window in one procedure, or a second
// MinCoalition in one model, used to replace the first silently. Each is now an error at the
// second declaration's file:line (exit 2). Before the fix: exit 0, the first ones dropped.

let ddPaused = Flag("ddPaused", initial: false)
let ddLost = IntVar("ddLost", 0...10, initial: 0)
let ddAlice = Entity("DD Alice")
let ddBob = Entity("DD Bob")
let ddK1 = Key("dd-k1", heldBy: ddAlice)
let ddK2 = Key("dd-k2", heldBy: ddBob)
let ddGuardian = Role.multisig("ddGuardian", threshold: 2, of: [ddK1, ddK2])

let ddModel = Model("DuplicateDeclarations") {
    State(ddPaused, ddLost)
    Entities(ddAlice, ddBob)
    Keys(ddK1, ddK2)
    Roles(ddGuardian)
    MinCoalition(2)
    MinCoalition(1)
    Action("ddPause", by: ddGuardian) { Require(!ddPaused); Assign(ddPaused, true) }
    Claim { _ in IntExpr(0) }
}

let ddIncident = Incident("DD bug", model: ddModel) {}

let ddProcedure = Procedure("DDPause", model: ddModel, incident: ddIncident) {
    Trigger(!ddPaused)
    Step("pause", action: "ddPause", by: ddGuardian, within: 600) { Writes(ddPaused) }
    Containment(ddPaused, within: 60)
    Containment(ddPaused, within: 6_000)
    BlastRadius(loss: ddLost, max: 0)
    BlastRadius(loss: ddLost, max: 10)
    Window(60)
    Window(6_000)
}
