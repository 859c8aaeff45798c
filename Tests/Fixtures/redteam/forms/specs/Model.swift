import RecovDSL
// Every procedure built by `fmBroken` is VIOLATED: the pause needs a 2-of-2 guardian one of whose
// holders is compromised, so the honest entities cannot sign and the procedure is blocked at its
// deadline (bounded-intervention, containment-time). A silently skipped procedure shows up as a
// missing verdict: the test looks for every procedure by name.
let fmPaused = Flag("fmPaused", initial: false)
let fmA = Entity("FM A"), fmB = Entity("FM B")
let fmK1 = Key("fm-k1", heldBy: fmA), fmK2 = Key("fm-k2", heldBy: fmB)
let fmGuardian = Role.multisig("fmGuardian", threshold: 2, of: [fmK1, fmK2])
let fmModel = Model("Forms") {
    State(fmPaused)
    Entities(fmA, fmB)
    Keys(fmK1, fmK2)
    Roles(fmGuardian)
    Action("fmPause", by: fmGuardian) { Require(!fmPaused); Assign(fmPaused, true) }
    Claim { _ in IntExpr(0) }
}
let fmIncident = Incident("FM", model: fmModel) {
    Compromised(fmB)
    Attack("fmPoke", while: !fmPaused) { Require(!fmPaused) }
}
func fmBroken(_ name: String) -> Procedure {
    Procedure(name, model: fmModel, incident: fmIncident) {
        Trigger(!fmPaused)
        Step("pause", action: "fmPause", by: fmGuardian, within: 600) { Writes(fmPaused) }
        Containment(fmPaused, within: 1 * hour)
    }
}
