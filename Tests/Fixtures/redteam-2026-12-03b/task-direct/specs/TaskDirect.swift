import RecovDSL
// A Procedure(...) call written directly inside a Swift `Task` held by a global (line 22; its Procedure( call on line 23).
// Hand-worked: TDBad is VIOLATED if checked (the 2-of-2 needs the compromised TD B's key), or the
// form is an error ("never created", at line 23) — but the same outcome on every run of the same
// binary (issue 9 class 16: outputs byte-identical run to run).
let tdPaused = Flag("tdPaused", initial: false)
let tdA = Entity("TD A"), tdB = Entity("TD B")
let tdK1 = Key("td-k1", heldBy: tdA), tdK2 = Key("td-k2", heldBy: tdB)
let tdGuardian = Role.multisig("tdGuardian", threshold: 2, of: [tdK1, tdK2])
let tdModel = Model("TaskDirect") {
    State(tdPaused)
    Entities(tdA, tdB)
    Keys(tdK1, tdK2)
    Roles(tdGuardian)
    Action("pause", by: tdGuardian) { Require(!tdPaused); Assign(tdPaused, true) }
    Claim { _ in IntExpr(0) }
}
let tdIncident = Incident("TD", model: tdModel) {
    Compromised(tdB)
    Attack("tdPoke", while: !tdPaused) { Require(!tdPaused) }
}
let tdTask = Task { () -> Procedure in
    Procedure("TDBad", model: tdModel, incident: tdIncident) {
        Trigger(!tdPaused)
        Step("pause", action: "pause", by: tdGuardian, within: 600) { Writes(tdPaused) }
        Containment(tdPaused, within: 1 * hour)
    }
}
