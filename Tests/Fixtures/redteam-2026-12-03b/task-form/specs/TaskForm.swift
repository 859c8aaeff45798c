import RecovDSL
// A procedure created inside a Swift `Task` held by a global, through a helper that also builds a
// procedure synchronously. README: every Procedure the program constructs is checked however it is
// declared; a Procedure(...) call the program never runs is an error; an async property mentioning
// Procedure is an error.
// Hand-worked: TKGood (synchronous, 2-of-2 of honest keys within 10m) passes every rule; TKBad,
// created in the Task (its pause needs a key of the compromised TK B), is VIOLATED
// (bounded-intervention, containment-time: the honest cannot sign). The right outcome is
// deterministic: TKBad checked (exit 1) or the Task form rejected with an error (exit 2), the same
// on every run; never exit 0 (TKBad silently unchecked).
let tkPaused = Flag("tkPaused", initial: false)
let tkA = Entity("TK A"), tkB = Entity("TK B"), tkC = Entity("TK C")
let tkK1 = Key("tk-k1", heldBy: tkA), tkK2 = Key("tk-k2", heldBy: tkB), tkK3 = Key("tk-k3", heldBy: tkC)
let tkHonest = Role.multisig("tkHonest", threshold: 2, of: [tkK1, tkK3])
let tkTainted = Role.multisig("tkTainted", threshold: 2, of: [tkK1, tkK2])
let tkModel = Model("TaskForm") {
    State(tkPaused)
    Entities(tkA, tkB, tkC)
    Keys(tkK1, tkK2, tkK3)
    Roles(tkHonest, tkTainted)
    Action("pauseHonest", by: tkHonest) { Require(!tkPaused); Assign(tkPaused, true) }
    Action("pauseTainted", by: tkTainted) { Require(!tkPaused); Assign(tkPaused, true) }
    Claim { _ in IntExpr(0) }
}
let tkIncident = Incident("TK", model: tkModel) {
    Compromised(tkB)
    Attack("tkPoke", while: !tkPaused) { Require(!tkPaused) }
}
func tkMake(_ name: String, _ action: String, _ role: Role) -> Procedure {
    Procedure(name, model: tkModel, incident: tkIncident) {
        Trigger(!tkPaused)
        Step("pause", action: action, by: role, within: 600) { Writes(tkPaused) }
        Containment(tkPaused, within: 1 * hour)
    }
}
let tkGood = tkMake("TKGood", "pauseHonest", tkHonest)
let tkLater = Task { tkMake("TKBad", "pauseTainted", tkTainted) }
