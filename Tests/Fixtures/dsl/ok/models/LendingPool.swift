import RecovDSL

let day = 86_400

let paused = Flag("paused", initial: false)
let totalDeposits = IntVar("totalDeposits", 0...1_000_000)
let stolen = IntVar("stolen", 0...1_000_000, initial: 0)
let price = IntVar("price", 1...10_000)
let collateral = AccountMap("collateral", 0...1_000)
let migrated = AccountMap("migrated", 0...2_000)

let daoLabs = Entity("DAO Labs")
let alice = Entity("Alice")
let bob = Entity("Bob")
let carol = Entity("Carol")

let g1 = Key("g1", heldBy: alice)
let g2 = Key("g2", heldBy: bob)
let g3 = Key("g3", heldBy: carol)

let guardian = Role.multisig("guardian", threshold: 2, of: [g1, g2, g3])
let governance = Role.governance("governance", powers: [daoLabs: 60, alice: 40],
                                 supermajority: Fraction(2, 3), quorum: Fraction(1, 10), measuredAt: .execution)
let admin = Role.timelock("admin", role: governance, minDelay: 2 * day,
                          grace: 14 * day, vetoBy: guardian)
let keeper = Role.anyone("keeper")

/// The healthy-position check used by liquidation.
func unhealthy(_ a: AccountExpr) -> BoolExpr { collateral[a] < 10 }

let lendingPool = Model("LendingPool") {
    State(paused, totalDeposits, collateral, migrated, stolen, price)
    Entities(daoLabs, alice, bob, carol)
    Keys(g1, g2, g3)
    Allowlist(daoLabs, mayUse: g1)
    Roles(guardian, admin, governance, keeper)
    MinCoalition(2)
    Action("pause", by: guardian, admin) {
        Require(!paused)
        Assign(paused, true)
    }
    Action("unpause", by: "admin") {
        Require(paused)
        Assign(paused, false)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!paused && collateral[ctx.caller] >= amount)
        Assign(collateral[ctx.caller], collateral[ctx.caller] - amount)
        Assign(totalDeposits, totalDeposits - amount)
    }
    Action("liquidate", by: keeper) { ctx in
        let who = ctx.account("borrower")
        Require(unhealthy(who))
        Assign(collateral[who], 0)
        AllowReduction { a in a == who && unhealthy(a) }
    }
    Action("migrateAll", by: admin) {
        AssignAll(migrated) { a in migrated[a] + collateral[a] }
        AssignAll(collateral) { _ in 0 }
    }
    Claim { a in collateral[a] + migrated[a] }
    Assume("solvent", totalDeposits >= 0)
    Invariant("bounded", totalDeposits <= 1_000_000)
}
