// Builds specs with the DSL only (this file does not import RecovIR, whose type names overlap).
import RecovDSL

enum Sample {
    static let day = 86_400
    static let flagLine = #line + 1
    static let paused = Flag("paused")
    static let total = IntVar("total", 0...1_000, initial: 5)
    static let stolen = IntVar("stolen", 0...1_000, initial: 0)
    static let price = IntVar("price", 1...100)
    static let collateral = AccountMap("collateral", 0...50)
    static let migrated = AccountMap("migrated", 0...100)
    static let alice = Entity("Alice \"A\"\n✓")
    static let bob = Entity("Bob")
    static let g1 = Key("g1", heldBy: alice)
    static let g2 = Key("g2", heldBy: bob)
    static let guardian = Role.multisig("guardian", threshold: 2, of: [g1, g2])
    static let owner = Role.key("owner", g1).allowUnilateral("emergency only")
    static let gov = Role.governance(
        "gov", powers: [alice: 70, bob: 30], supermajority: Fraction(2, 3),
        quorum: Fraction(1, 10), measuredAt: .execution)
    static let admin = Role.timelock("admin", role: gov, minDelay: 2 * day, grace: 14 * day, vetoBy: guardian)
    static let both = Role.allOf("both", [guardian, "admin"])
    static let keeper = Role.anyone("keeper")
    static let extraActions = ["a1", "a2"]
    static let includeKeeper = true

    static let modelLine = #line + 1
    static let model = Model("Pool") {
        State(paused, total, stolen, price, collateral, migrated)
        Entities(alice, bob)
        Keys(g1, g2)
        Allowlist(bob, mayUse: g1)
        Roles(guardian, owner, gov, admin, both)
        if includeKeeper { Roles(keeper) }
        MinCoalition(3)
        Action("pause", by: guardian, "admin") {
            Require(!paused)
            Assign(paused, true)
        }
        UserAction("withdraw") { ctx in
            let amount = ctx.int("amount", 1...10)
            Require(!paused && collateral[ctx.caller] >= amount)
            Assign(collateral[ctx.caller], collateral[ctx.caller] - amount)
            Assign(total, max(total - amount, 0))
        }
        Action("liquidate", by: keeper) { ctx in
            let who = ctx.account("borrower")
            Require(collateral[who] < 3 || implies(paused, ite(paused, total, -total) % 2 == 0))
            Assign(collateral[who], 0)
            AllowReduction { a in a == who && collateral[a] < 3 }
        }
        Action("migrate", by: admin) {
            AssignAll(migrated) { a in migrated[a] + collateral[a] }
            AssignAll(collateral) { _ in 0 }
        }
        Action("rotate", by: both) {
            RotateKey(g1, to: bob)
            SetThreshold(guardian, 1 + 1)
            Grant(g2, to: alice)
            Revoke(g2, from: alice)
        }
        for name in extraActions {
            Action(name, by: owner) { Require(now >= 10 * 2) }
        }
        Claim { a in collateral[a] + migrated[a] }
        Assume("nonneg", total >= 0)
        Invariant("bounded", total <= 1_000 && min(total, 3) != 4)
    }

    static let incident = Incident("Hack", model: model) {
        Compromised(alice)
        Attack("drain", while: !paused) { ctx in
            let amt = ctx.int("amount", 1...100)
            Require(total >= amt)
            Assign(stolen, stolen + amt)
        }
        Oracle(price, 1...100)
        BorrowableVotingPower(gov, 1_000)
        Assume("small", price <= 100)
    }

    static let stepLine = #line + 3
    static let procedure = Procedure("PauseOnHack", model: model, incident: incident) {
        Trigger(stolen > 0)
        Step("pause", action: "pause", by: guardian, within: 3_600) {
            Writes(paused)
            MaxDuration(paused, 7 * day)
            InRange(price, 1...100)
            MaxChange(price, 10)
        }
        Step(
            "unpause", action: "pause", by: "admin", after: 2 * day, within: 7 * day, args: ["amount": 5, "flag": true])
        Containment(paused, within: 3_600)
        BlastRadius(loss: stolen, max: 10_000)
        Window(8 * day)
        Invariant("ok", stolen <= 1_000)
    }

    /// The IR for the sample; the procedure pulls in its model and incident.
    static func json() -> String {
        recovcheckRenderIR([("day", day as Any), ("procedure", procedure as Any), ("again", model as Any)])
    }

    static let badLine = #line + 3
    static func badJSON() -> String {
        let bad = Model("Bad") {
            State(paused, total + 1)
            Action("oops") { Assign(total + 1, 3) }
        }
        return recovcheckRenderIR([("bad", bad as Any)])
    }

    static let dupLine = #line + 1
    static let other = Model("Pool") { State(paused) }
    static func duplicateJSON() -> String {
        recovcheckRenderIR([("model", model as Any), ("other", other as Any)])
    }
}

extension Sample {
    /// Arrays of declarations are collected too; identical duplicates are merged silently.
    static func arrayJSON() -> String {
        recovcheckRenderIR([("all", [procedure] as Any), ("model", model as Any), ("n", 3 as Any)])
    }
}

extension Sample {
    static let weirdName = "tab\t back\\slash \u{01} ctl \r\n \u{7F} emoji 🦀 \"q\""
    /// A model whose names need JSON escaping.
    static func weirdJSON() -> String {
        let e = Entity(weirdName)
        let m = Model(weirdName) { Entities(e) }
        return recovcheckRenderIR([("m", m as Any)])
    }
}
