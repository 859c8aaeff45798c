import RecovDSL

// Hand-worked (issue 9, item 5): `vaultCash` lies in 0...100, the model assumes it is above 100,
// so no initial state exists and every check is vacuous. `--rule invariant` used to skip sanity
// and report the invariant as holding (exit 0). Right verdict, whatever --rule selects:
// sanity error at the trigger, invariant "vacuous" error, exit 2.

let vaultCash = IntVar("vaultCash", 0...100)
let vaultPaused = Flag("vaultPaused", initial: false)
let vaultDeposits = AccountMap("vaultDeposits", 0...1_000)
let vaultOwnerA = Entity("Vault Owner A")
let vaultOwnerB = Entity("Vault Owner B")
let vaultKeyA = Key("vault-a", heldBy: vaultOwnerA)
let vaultKeyB = Key("vault-b", heldBy: vaultOwnerB)
let vaultGuardian = Role.multisig("vaultGuardian", threshold: 2, of: [vaultKeyA, vaultKeyB])

let vaultModel = Model("Vault") {
    State(vaultCash, vaultPaused, vaultDeposits)
    Entities(vaultOwnerA, vaultOwnerB)
    Keys(vaultKeyA, vaultKeyB)
    Roles(vaultGuardian)
    Claim { a in vaultDeposits[a] }
    Action("pauseVault", by: vaultGuardian) { Require(!vaultPaused); Assign(vaultPaused, true) }
    Assume("overfull", vaultCash > 100)
    Invariant("cashNonNegative", vaultCash >= 0)
}

let vaultBug = Incident("VaultBug", model: vaultModel) {
    Attack("skim", while: !vaultPaused) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(vaultCash >= amount)
        Assign(vaultCash, vaultCash - amount)
    }
}

let vaultPause = Procedure("VaultPause", model: vaultModel, incident: vaultBug) {
    Trigger(!vaultPaused)
    Step("pause", action: "pauseVault", by: vaultGuardian, within: 3_600) { Writes(vaultPaused) }
}
