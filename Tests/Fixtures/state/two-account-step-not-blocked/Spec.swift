import RecovDSL

// A step with two account parameters: the admins 'move' between two distinct accounts that both
// hold at least 1. Every balance lies in 1...100, so any two accounts qualify and the step is
// never blocked: bounded-intervention holds.
let i10Bal = AccountMap("bal", 1...100)
let i10Done = Flag("done", initial: false)
let i10A = Entity("A")
let i10B = Entity("B")
let i10K1 = Key("k1", heldBy: i10A)
let i10K2 = Key("k2", heldBy: i10B)
let i10Role = Role.multisig("admins", threshold: 2, of: [i10K1, i10K2])

let i10Model = Model("Bank") {
    State(i10Bal, i10Done)
    Entities(i10A, i10B)
    Keys(i10K1, i10K2)
    Roles(i10Role)
    Action("move", by: i10Role) { ctx in
        let from = ctx.account("from")
        let to = ctx.account("to")
        Require(from != to && i10Bal[from] >= 1 && i10Bal[to] >= 1)
        Assign(i10Bal[to], i10Bal[to] + 0)
        Assign(i10Done, true)
    }
    Claim { a in i10Bal[a] }
}

let i10Incident = Incident("Nothing", model: i10Model) {
    Attack("noop", while: !i10Done) { Require(!i10Done) }
}

let i10Proc = Procedure("TwoAccounts", model: i10Model, incident: i10Incident) {
    Trigger(!i10Done)
    Step("move", action: "move", by: i10Role, within: 3600) { Writes(i10Bal, i10Done) }
}
