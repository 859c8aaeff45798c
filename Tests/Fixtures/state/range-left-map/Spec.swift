import RecovDSL

// Each balance is declared 0...100, but deposit does not cap it: an account at 100 deposits 1
// and holds 101. The map leaves its range: `invariant` is violated at depth 1.
let rlmBal = AccountMap("bal", 0...100)
let rlmPaused = Flag("paused", initial: false)
let rlmA = Entity("A")
let rlmB = Entity("B")
let rlmK1 = Key("k1", heldBy: rlmA)
let rlmK2 = Key("k2", heldBy: rlmB)
let rlmRole = Role.multisig("admins", threshold: 2, of: [rlmK1, rlmK2])

let rlmModel = Model("Bank") {
    State(rlmBal, rlmPaused)
    Entities(rlmA, rlmB)
    Keys(rlmK1, rlmK2)
    Roles(rlmRole)
    Action("pause", by: rlmRole) { Assign(rlmPaused, true) }
    UserAction("deposit") { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(!rlmPaused)
        Assign(rlmBal[ctx.caller], rlmBal[ctx.caller] + amount)
    }
    Claim { a in rlmBal[a] }
}

let rlmIncident = Incident("None", model: rlmModel) {
    Attack("noop", while: !rlmPaused) { Require(!rlmPaused) }
}

let rlmProc = Procedure("RangeLeftMap", model: rlmModel, incident: rlmIncident) {
    Trigger(!rlmPaused)
    Step("pause", action: "pause", by: rlmRole, within: 3600) { Writes(rlmPaused) }
}
