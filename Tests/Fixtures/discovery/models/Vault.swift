import RecovDSL

// A tiny model for the discovery fixtures: two guardians must both sign a pause.
let dPaused = Flag("paused", initial: false)
let dBalance = AccountMap("balance", 0...100)
let dAlice = Entity("Alice")
let dBob = Entity("Bob")
let dKeyA = Key("key-a", heldBy: dAlice)
let dKeyB = Key("key-b", heldBy: dBob)
let dGuardian = Role.multisig("guardian", threshold: 2, of: [dKeyA, dKeyB])
let dVault = Model("Vault") {
    State(dPaused, dBalance)
    Entities(dAlice, dBob)
    Keys(dKeyA, dKeyB)
    Roles(dGuardian)
    Action("pause", by: dGuardian) { Require(!dPaused); Assign(dPaused, true) }
    Claim { a in dBalance[a] }
}
let dBug = Incident("Bug", model: dVault) {
    Attack("poke", while: !dPaused) { Require(!dPaused) }
}

/// Every fixture procedure is this one under another name.
func pauseProcedure(_ name: String) -> Procedure {
    Procedure(name, model: dVault, incident: dBug) {
        Trigger(!dPaused)
        Step("pause", action: "pause", by: dGuardian, within: 1 * hour) { Writes(dPaused) }
        Containment(dPaused, within: 1 * hour)
        Window(1 * day)
    }
}
