import RecovDSL
let li = Incident("Pump", model: lm) {
    Attack("arm", while: true) { Assign(armed, true) }
    Attack("pump", while: armed) { Assign(last, 999) }
}
let lp = Procedure("LastName", model: lm, incident: li) {
    Trigger(!armed)
    Step("ack", action: "ack", by: lrole, within: 1 * hour) { Writes(armed) }
}
