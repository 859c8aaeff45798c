import RecovDSL
// Every procedure built by `fbBroken` is VIOLATED: the pause needs a 2-of-2 guardian one of whose
// holders is compromised, so the honest entities cannot sign: blocked at the deadline
// (bounded-intervention, containment-time).
let fbPaused = Flag("fbPaused", initial: false)
let fbA = Entity("FB A"), fbB = Entity("FB B")
let fbK1 = Key("fb-k1", heldBy: fbA), fbK2 = Key("fb-k2", heldBy: fbB)
let fbGuardian = Role.multisig("fbGuardian", threshold: 2, of: [fbK1, fbK2])
let fbModel = Model("FormsB") {
    State(fbPaused)
    Entities(fbA, fbB)
    Keys(fbK1, fbK2)
    Roles(fbGuardian)
    Action("fbPause", by: fbGuardian) { Require(!fbPaused); Assign(fbPaused, true) }
    Claim { _ in IntExpr(0) }
}
let fbIncident = Incident("FB", model: fbModel) {
    Compromised(fbB)
    Attack("fbPoke", while: !fbPaused) { Require(!fbPaused) }
}
func fbBroken(_ name: String) -> Procedure {
    Procedure(name, model: fbModel, incident: fbIncident) {
        Trigger(!fbPaused)
        Step("pause", action: "fbPause", by: fbGuardian, within: 600) { Writes(fbPaused) }
        Containment(fbPaused, within: 1 * hour)
    }
}
