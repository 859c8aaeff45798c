import RecovDSL

// Without initial: on the map an account may start with debt: the attack runs and the invariant fails.
let i9Debt = AccountMap("debt", 0...1_000)
let i9Bad = IntVar("bad", 0...10, initial: 0)
let i9Paused = Flag("paused", initial: false)
let i9Admin = Entity("Admin")
let i9Ops = Entity("Ops")
let i9K1 = Key("k1", heldBy: i9Admin)
let i9K2 = Key("k2", heldBy: i9Ops)
let i9Role = Role.multisig("admins", threshold: 2, of: [i9K1, i9K2])

let i9Model = Model("Loans") {
    State(i9Debt, i9Bad, i9Paused)
    Entities(i9Admin, i9Ops)
    Keys(i9K1, i9K2)
    Roles(i9Role)
    Action("pause", by: i9Role) { Assign(i9Paused, true) }
    Invariant("nothing bad", i9Bad == 0)
}

let i9Incident = Incident("Grow", model: i9Model) {
    Attack("grow", while: !i9Paused) { ctx in
        let victim = ctx.account("victim")
        Require(i9Debt[victim] > 0 && i9Bad < 10)
        Assign(i9Debt[victim], i9Debt[victim] + 1)
        Assign(i9Bad, i9Bad + 1)
    }
}

let i9Proc = Procedure("InitialMapHonoured", model: i9Model, incident: i9Incident) {
    Trigger(!i9Paused)
    Step("pause", action: "pause", by: i9Role, within: 3600) { Writes(i9Paused) }
}
