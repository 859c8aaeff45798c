import RecovDSL

// Issue 14, part 2, the fix: the shutdown module's threshold is 150,000 tokens (as MakerDAO
// raised it). Earlier deposits hold at most 40,000; Mallory can add at most 40,000 (all she can
// ever hold), so deposits stay at most 80,000: the Foundation (50,000) reaches 130,000, the
// Fund (30,000) 110,000, Mallory 80,000 + 0 left — all below 150,000.
// Hand-worked verdicts: no-unilateral-control holds (checked to depth 6: her worst case, deposit,
// buy, deposit, is 3 moves); the guardian's freeze step holds.

let saShutdown = Flag("saShutdown", initial: false)
let saFrozen = Flag("saFrozen", initial: false)
let saDeposits = IntVar("saDeposits", 0...200_000)
let saMalloryTokens = IntVar("saMalloryTokens", 0...40_000, initial: 20_000)
let saMarket = IntVar("saMarket", 0...20_000, initial: 20_000)   // tokens Mallory can still buy
let saFoundation = Entity("SA Foundation"), saFund = Entity("SA Fund"), saMallory = Entity("SA Mallory")
let saK1 = Key("sa-k1", heldBy: saFoundation), saK2 = Key("sa-k2", heldBy: saFund)
let saGuardian = Role.multisig("saGuardian", threshold: 2, of: [saK1, saK2])
let saESM = Role.shutdownModule("saESM", deposited: saDeposits, threshold: 150_000,
                                holdings: [saFoundation: 50_000, saFund: 30_000, saMallory: .state(saMalloryTokens)])

let saModel = Model("ShutdownAccumulates") {
    State(saShutdown, saFrozen, saDeposits, saMalloryTokens, saMarket)
    Entities(saFoundation, saFund, saMallory)
    Keys(saK1, saK2)
    Roles(saGuardian, saESM)
    Action("saFire", by: saESM) { Require(!saShutdown); Assign(saShutdown, true) }
    Action("saFreeze", by: saGuardian) { Require(!saFrozen); Assign(saFrozen, true) }
    Assume("earlier deposits", saDeposits <= 40_000)
    Claim { _ in IntExpr(0) }
}

let saIncident = Incident("SA griefing shutdown", model: saModel) {
    Compromised(saMallory)
    Attack("saDeposit", while: !saShutdown) { ctx in
        let amount = ctx.int("amount", 1...40_000)
        Require(saMalloryTokens >= amount && saDeposits + amount <= 200_000)
        Assign(saMalloryTokens, saMalloryTokens - amount)
        Assign(saDeposits, saDeposits + amount)
    }
    Attack("saBuy", while: !saShutdown) { ctx in
        let amount = ctx.int("amount", 1...40_000)
        Require(saMarket >= amount && saMalloryTokens + amount <= 40_000)
        Assign(saMarket, saMarket - amount)
        Assign(saMalloryTokens, saMalloryTokens + amount)
    }
}

let saProcedure = Procedure("SAFreeze", model: saModel, incident: saIncident) {
    Trigger(!saFrozen)
    Step("freeze", action: "saFreeze", by: saGuardian, within: 3_600) { Writes(saFrozen) }
    Containment(saFrozen, within: 3_600)
}
