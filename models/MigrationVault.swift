import RecovDSL

// A yield vault moving to a new contract. Users hold balances in the old contract (`migOld`)
// and, after the migration, in the new one (`migNew`); what a user owns is the sum. The
// migration admin is a 3-of-5 multisig of distinct firms. Totals are tracked so that supply
// conservation is an invariant.

let migOld = AccountMap("migOld", 0...1_000_000)
let migNew = AccountMap("migNew", 0...2_000_000, initial: 0)   // empty before the migration; old + new after it
let migOldTotal = IntVar("migOldTotal", 0...1_000_000_000)
let migNewTotal = IntVar("migNewTotal", 0...2_000_000_000)   // old + new totals after migration
let migSupply = IntVar("migSupply", 0...2_000_000_000)
let migDone = Flag("migDone", initial: false)
let migOldFrozen = Flag("migOldFrozen", initial: false)
let migReserve = IntVar("migReserve", 0...10_000_000)       // protocol-owned reserve in the old contract
let migReserveLost = IntVar("migReserveLost", 0...10_000_000)

let migSignerA = Entity("Mig Signer A")
let migSignerB = Entity("Mig Signer B")
let migSignerC = Entity("Mig Signer C")
let migSignerD = Entity("Mig Signer D")
let migSignerE = Entity("Mig Signer E")

let migKeyA = Key("mig-a", heldBy: migSignerA)
let migKeyB = Key("mig-b", heldBy: migSignerB)
let migKeyC = Key("mig-c", heldBy: migSignerC)
let migKeyD = Key("mig-d", heldBy: migSignerD)
let migKeyE = Key("mig-e", heldBy: migSignerE)

let migAdmin = Role.multisig("migAdmin", threshold: 3, of: [migKeyA, migKeyB, migKeyC, migKeyD, migKeyE])

let migrationModel = Model("MigrationVault") {
    State(migOld, migNew, migOldTotal, migNewTotal, migSupply, migDone, migOldFrozen, migReserve, migReserveLost)
    Entities(migSignerA, migSignerB, migSignerC, migSignerD, migSignerE)
    Keys(migKeyA, migKeyB, migKeyC, migKeyD, migKeyE)
    Roles(migAdmin)

    Action("freezeOld", by: migAdmin) {
        Require(!migOldFrozen)
        Assign(migOldFrozen, true)
    }
    // Every account's old balance moves 1:1 to the same account in the new contract.
    Action("migrateAll", by: migAdmin) {
        Require(migOldFrozen && !migDone)
        AssignAll(migNew) { a in migNew[a] + migOld[a] }
        AssignAll(migOld) { _ in 0 }
        Assign(migNewTotal, migNewTotal + migOldTotal)
        Assign(migOldTotal, 0)
        Assign(migDone, true)
    }
    UserAction("depositOld") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!migOldFrozen)
        Require(migOld[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(migOld[ctx.caller], migOld[ctx.caller] + amount)
        Require(migOldTotal + amount <= IntExpr(1_000_000_000))   // modeling bound: keeps it in its declared range
        Assign(migOldTotal, migOldTotal + amount)
        Require(migSupply + amount <= IntExpr(2_000_000_000))   // modeling bound: keeps it in its declared range
        Assign(migSupply, migSupply + amount)
    }
    UserAction("withdrawNew") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(migDone && migNew[ctx.caller] >= amount && migNewTotal >= amount)
        Assign(migNew[ctx.caller], migNew[ctx.caller] - amount)
        Assign(migNewTotal, migNewTotal - amount)
        Assign(migSupply, migSupply - amount)
    }
    Claim { a in migOld[a] + migNew[a] }
    Assume("supply is the sum of both contracts", migOldTotal + migNewTotal == migSupply)
    Assume("nothing in the new contract before the migration", migNewTotal == 0)
    Invariant("supply is conserved across the migration", migOldTotal + migNewTotal == migSupply)
}
