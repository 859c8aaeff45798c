import RecovDSL

// Incident: a bug in the old vault contract lets an attacker drain its protocol-owned reserve
// (not user balances) until the old contract is frozen.
// Procedure: asset migration to a new contract. The migration admin (3 of 5 distinct signers)
// freezes the old contract within 2 hours, then migrates every account's balance 1:1 to the new
// contract within a day.
// The checker proves: no signer acts alone; each step writes only what it declares; no user's
// claim (old + new balance) drops through anyone else's action — so every claim moves 1:1 to its
// owner; the old contract is frozen within 2 hours; at most 100_000 of the reserve is lost (the
// old contract's emergency outflow guard caps cumulative reserve withdrawals at 100_000, and the
// freeze stops the exploit); and supply is conserved.

let migOldBug = Incident("OldVaultBug", model: migrationModel) {
    Attack("drainReserve", while: !migOldFrozen) { ctx in
        let amount = ctx.int("amount", 1...10_000)
        Require(migReserve >= amount && migReserveLost + amount <= 100_000)
        Assign(migReserve, migReserve - amount)
        Require(migReserveLost + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(migReserveLost, migReserveLost + amount)
    }
    Assume("nothing lost before detection", migReserveLost == 0)
}

let migrateToNewVault = Procedure("MigrateToNewVault", model: migrationModel, incident: migOldBug) {
    Trigger(!migOldFrozen && !migDone)
    Step("freeze", action: "freezeOld", by: migAdmin, within: 2 * hour) {
        Writes(migOldFrozen)
    }
    Step("migrate", action: "migrateAll", by: migAdmin, within: 1 * day) {
        Writes(migOld, migNew, migOldTotal, migNewTotal, migDone)
    }
    Containment(migOldFrozen, within: 2 * hour)
    BlastRadius(loss: migReserveLost, max: 100_000)
    Window(1 * day + 2 * hour)
}
