import RecovDSL

// Typical mistakes, one per declaration; CompilerDiagnosticsTests checks what recovcheck says about
// each (line numbers matter: add new mistakes at the end).

let flag = Flag("flag", initial: false)
let signer = Entity("Signer")
let key = Key("k", heldBy: signer)
let level = IntVar("level", 0..<100)                                      // 9: wrong type (half-open range)
let admin = Role.multisig("admin", thresold: 1, of: [key])                // 10: wrong label
let admin2 = Role.multisig("admin2", of: [key])                           // 11: missing argument
let model = Model("M") {
    State(flag)
    Keys(key)
    Roles(admin)
    Action("pause", by: admin) { Assign(flag, true) }
}
let incident = Incident("I", model: model) {}
let typoInRole = Procedure("A", model: model, incident: incident) {
    Step("s", action: "pause", by: admn, within: 2 * hour) { Writes(flag) }          // 20: undefined name
}
let wrongUnit = Procedure("B", model: model, incident: incident) {
    Step("s", action: "pause", by: admin, within: 2.5 * hour) { Writes(flag) }      // 23: Double, not Int
}
let wrongStepLabel = Procedure("C", model: model, incident: incident) {
    Step("s", actoin: "pause", by: admin, within: 2 * hour) { Writes(flag) }        // 26: wrong labels
}
let missingRole = Procedure("D", model: model, incident: incident) {
    Step("s", action: "pause", within: 2 * hour) { Writes(flag) }                   // 29: missing by:
}
let extraArgument = Procedure("E", model: model, incident: incident) {
    Window(2 * hour, 3)                                                              // 32: extra argument
}
let wrongProcedureLabel = Procedure("F", modle: model, incident: incident) {        // 34: wrong label
    Window(2 * hour)
}
