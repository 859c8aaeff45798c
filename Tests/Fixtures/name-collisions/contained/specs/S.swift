import RecovDSL
let ci = Incident("CI", model: cm) { }
let cp = Procedure("ContainedName", model: cm, incident: ci) {
    Trigger(!contained)
    Step("contain", action: "contain", by: guard2, within: 1 * hour) { Writes(contained) }
    Containment(contained, within: 1 * hour)
}
