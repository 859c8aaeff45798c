import RecovDSL

// The attacker exhausts the shared daily cap, so the guardians' rescue withdrawal (which also
// spends the cap) cannot run at its deadline: bounded-intervention VIOLATED (hand-worked: the
// attacker drains 1 at t+0s, and the rescue needs 10 of the 9 left in this UTC day until midnight,
// 24 h away, past the step's 1 h deadline).
let rcStolen = IntVar("stolen", 0...1_000, initial: 0)
let rcRescued = IntVar("rescued", 0...1_000, initial: 0)
let rcCap = RateLimit("dailyWithdrawals", max: 10, per: 1 * day, usedAtTrigger: 0)
let rcA = Entity("A"), rcB = Entity("B")
let rcK1 = Key("k1", heldBy: rcA), rcK2 = Key("k2", heldBy: rcB)
let rcGuardian = Role.multisig("guardian", threshold: 2, of: [rcK1, rcK2])

let rcModel = Model("SharedCap") {
    State(rcStolen, rcRescued)
    rcCap
    Entities(rcA, rcB)
    Keys(rcK1, rcK2)
    Roles(rcGuardian)
    Action("rescue", by: rcGuardian) {
        Spend(rcCap, 10)
        Assign(rcRescued, rcRescued + 10)
    }
}

let rcIncident = Incident("I", model: rcModel) {
    Attack("drain", while: rcRescued == 0) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rcStolen + amount <= 1_000)
        Spend(rcCap, amount)
        Assign(rcStolen, rcStolen + amount)
    }
}

let rcProc = Procedure("SharedCapRescue", model: rcModel, incident: rcIncident) {
    Trigger(now % IntExpr(day) == 0)
    Step("rescue", action: "rescue", by: rcGuardian, within: 1 * hour) { Writes(rcRescued, rcCap) }
}
