import RecovDSL

let paused = Flag("paused", initial: false)
let deposits = AccountMap("deposits", 0...100)
let a = Entity("A")
let b = Entity("B")
let k1 = Key("k1", heldBy: a)
let k2 = Key("k2", heldBy: b)
let guardian = Role.multisig("guardian", threshold: 2, of: [k1, k2])

let printingModel: Model = {
    print("hello from the spec's own stdout")
    return Model("Printing") {
        State(paused, deposits)
        Entities(a, b)
        Keys(k1, k2)
        Roles(guardian)
        Action("pause", by: guardian) {
            Require(!paused)
            Assign(paused, true)
        }
        Claim { acct in deposits[acct] }
    }
}()

let printingIncident = Incident("Quiet", model: printingModel) {}

let printingProcedure = Procedure("PauseIt", model: printingModel, incident: printingIncident) {
    Trigger(!paused)
    Step("pause", action: "pause", by: guardian, within: 60) {
        Writes(paused)
    }
    Containment(paused, within: 60)
}
