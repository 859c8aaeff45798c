import RecovDSL

// Two maps, one with `initial:`, and an attack with two account parameters. The faulty
// liquidation moves one unit of `bal` from any account with debt to any other account. Every
// account starts with no debt (`initial: 0`) and only its owner can borrow, so no transition
// can lower a victim's balance first: the victim must borrow (its own action), then be
// liquidated. `no-collateral-loss` is violated with a shortest trace of 2 transitions
// (borrow by the victim, then liquidate with `from` = the victim and `to` another account;
// with `from == to` the later assignment, +1, wins and nothing is lost). Ignoring `initial:`
// would give a bogus 1-transition trace.
let tmaBal = AccountMap("bal", 0...100)
let tmaDebt = AccountMap("debt", 0...100, initial: 0)
let tmaPaused = Flag("paused", initial: false)
let tmaA = Entity("A")
let tmaB = Entity("B")
let tmaK1 = Key("k1", heldBy: tmaA)
let tmaK2 = Key("k2", heldBy: tmaB)
let tmaRole = Role.multisig("admins", threshold: 2, of: [tmaK1, tmaK2])

let tmaModel = Model("Lending") {
    State(tmaBal, tmaDebt, tmaPaused)
    Entities(tmaA, tmaB)
    Keys(tmaK1, tmaK2)
    Roles(tmaRole)
    Action("pause", by: tmaRole) { Assign(tmaPaused, true) }
    UserAction("borrow") { ctx in
        Require(!tmaPaused && tmaDebt[ctx.caller] < 100)
        Assign(tmaDebt[ctx.caller], tmaDebt[ctx.caller] + 1)
    }
    Claim { a in tmaBal[a] }
}

let tmaIncident = Incident("BadLiquidation", model: tmaModel) {
    Attack("liquidate", while: !tmaPaused) { ctx in
        let from = ctx.account("from")
        let to = ctx.account("to")
        Require(tmaDebt[from] > 0 && tmaBal[from] > 0 && tmaBal[to] < 100)
        Assign(tmaBal[from], tmaBal[from] - 1)
        Assign(tmaBal[to], tmaBal[to] + 1)
    }
}

let tmaProc = Procedure("TwoMapsTwoAccounts", model: tmaModel, incident: tmaIncident) {
    Trigger(!tmaPaused)
    Step("pause", action: "pause", by: tmaRole, within: 3600) { Writes(tmaPaused) }
}
