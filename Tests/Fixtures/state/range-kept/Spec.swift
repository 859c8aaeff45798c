import RecovDSL

// The same bank with the cap the contract enforces: deposits never take a balance past 100,
// so every variable stays in its range and `invariant` holds.
let rlkBal = AccountMap("bal", 0...100)
let rlkPaused = Flag("paused", initial: false)
let rlkA = Entity("A")
let rlkB = Entity("B")
let rlkK1 = Key("k1", heldBy: rlkA)
let rlkK2 = Key("k2", heldBy: rlkB)
let rlkRole = Role.multisig("admins", threshold: 2, of: [rlkK1, rlkK2])

let rlkModel = Model("Bank") {
    State(rlkBal, rlkPaused)
    Entities(rlkA, rlkB)
    Keys(rlkK1, rlkK2)
    Roles(rlkRole)
    Action("pause", by: rlkRole) { Assign(rlkPaused, true) }
    UserAction("deposit") { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(!rlkPaused && rlkBal[ctx.caller] + amount <= 100)
        Assign(rlkBal[ctx.caller], rlkBal[ctx.caller] + amount)
    }
    Claim { a in rlkBal[a] }
}

let rlkIncident = Incident("None", model: rlkModel) {
    Attack("noop", while: !rlkPaused) { Require(!rlkPaused) }
}

let rlkProc = Procedure("RangeKept", model: rlkModel, incident: rlkIncident) {
    Trigger(!rlkPaused)
    Step("pause", action: "pause", by: rlkRole, within: 3600) { Writes(rlkPaused) }
}
