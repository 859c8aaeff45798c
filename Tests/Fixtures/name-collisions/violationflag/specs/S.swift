import RecovDSL
let ci = Incident("CI", model: cm) { }
let cp = Procedure("ContainedName", model: cm, incident: ci) {
    Trigger(!isContained)
    Step("contain", action: "contain", by: guard2, within: 1 * hour) { Writes(isContained) }
    Containment(isContained, within: 1 * hour)
}
