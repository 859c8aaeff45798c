import RecovDSL

// Issue 13 (b): a long attack. `laC` starts at 0 and only grows by 1 per move; the attacker's
// strike needs laC >= 12, so the shortest violation takes 13 transitions. Hand-worked: the
// invariant holds to depth 10 and must NOT be proved (from a state with laC == 12 the strike is one
// move away, whatever k); with --depth 15 it is VIOLATED by a 13-transition trace.

let laC = IntVar("laC", 0...100, initial: 0)
let laBad = Flag("laBad", initial: false)
let laPaused = Flag("laPaused", initial: false)
let laA = Entity("LA A")
let laB = Entity("LA B")
let laK1 = Key("la-k1", heldBy: laA)
let laK2 = Key("la-k2", heldBy: laB)
let laGuardian = Role.multisig("laGuardian", threshold: 2, of: [laK1, laK2])

let laModel = Model("ProofLongAttack") {
    State(laC, laBad, laPaused)
    Entities(laA, laB)
    Keys(laK1, laK2)
    Roles(laGuardian)
    Action("laPause", by: laGuardian) {
        Assign(laPaused, true)
    }
    UserAction("laTick") { _ in
        Require(laC < 100)
        Assign(laC, laC + 1)
    }
    Claim { _ in IntExpr(0) }
    Invariant("nothing bad happens", !laBad)
}

let laIncident = Incident("LA incident", model: laModel) {
    Attack("laStrike", while: laC >= 12) {
        Assign(laBad, true)
    }
}

let laProcedure = Procedure("ProofLongAttack", model: laModel, incident: laIncident) {
    Trigger(!laPaused)
    Step("pause", action: "laPause", by: laGuardian, within: 3_600) { Writes(laPaused) }
}
