import RecovDSL

// Issue 9, class 3: a role passed to `Action(by:)` is used by name; a `.allowUnilateral` added at
// that use was silently dropped (the declaration in Roles(...) counts), so no-unilateral-control
// kept flagging the role. Now an error at the use (line 18), exit 2.

let ruPaused = Flag("ruPaused", initial: false)
let ruAlice = Entity("RU Alice")
let ruBob = Entity("RU Bob")
let ruK1 = Key("ru-k1", heldBy: ruAlice)
let ruKey = Role.key("ruKey", ruK1)

let ruModel = Model("RoleRedefinedAtUse") {
    State(ruPaused)
    Entities(ruAlice, ruBob)
    Keys(ruK1)
    Roles(ruKey)
    Action("ruPause", by: ruKey.allowUnilateral("an emergency key")) { Require(!ruPaused); Assign(ruPaused, true) }
    Claim { _ in IntExpr(0) }
}

let ruIncident = Incident("RU bug", model: ruModel) {}

let ruProcedure = Procedure("RUPause", model: ruModel, incident: ruIncident) {
    Trigger(!ruPaused)
    Step("pause", action: "ruPause", by: ruKey, within: 600) { Writes(ruPaused) }
}
