import RecovDSL

// A Compound/Aave-style lending pool: users deposit collateral and borrow against it; a guardian
// multisig of three distinct firms can pause; governance (behind a 2-day timelock) can unpause.
// Positions are liquidatable when the oracle price falls below their liquidation price, but only
// while the price stays within 20% of the one-hour-delayed reference price (a circuit breaker).

let paused = Flag("paused", initial: false)
let liquidationsPaused = Flag("liquidationsPaused", initial: false)
let poolCash = IntVar("poolCash", 0...10_000_000)
let stolen = IntVar("stolen", 0...10_000_000)
let price = IntVar("price", 1...10_000)              // oracle price of the collateral asset, in cents
let referencePrice = IntVar("referencePrice", 1...10_000)  // one-hour-delayed feed
let collateral = AccountMap("collateral", 0...1_000_000)
let debt = AccountMap("debt", 0...1_000_000)
let liquidationPrice = AccountMap("liquidationPrice", 0...10_000)

let alphaSecurity = Entity("Alpha Security")
let betaCapital = Entity("Beta Capital")
let gammaLabs = Entity("Gamma Labs")
let whaleFund = Entity("Whale Fund")
let community = Entity("Community Delegates")
let foundation = Entity("Pool Foundation")

let g1 = Key("guardian-1", heldBy: alphaSecurity)
let g2 = Key("guardian-2", heldBy: betaCapital)
let g3 = Key("guardian-3", heldBy: gammaLabs)

let guardian = Role.multisig("guardian", threshold: 2, of: [g1, g2, g3])
let poolGovernance = Role.governance("poolGovernance", powers: [whaleFund: 30, community: 45, foundation: 25],
                                     supermajority: Fraction(1, 2), quorum: Fraction(1, 4), measuredAt: .snapshot)
let poolAdmin = Role.timelock("poolAdmin", role: poolGovernance, minDelay: 2 * day, maxDelay: 30 * day, grace: 14 * day)
let keeper = Role.anyone("keeper")

/// A position is liquidatable when the oracle price is below its liquidation price.
func liquidatable(_ a: AccountExpr) -> BoolExpr { price < liquidationPrice[a] }

/// The circuit breaker: the oracle price is within 20% of the delayed reference price.
let priceTrusted: BoolExpr = price * 100 >= referencePrice * 80 && price * 100 <= referencePrice * 120

let lendingPool = Model("LendingPool") {
    State(paused, liquidationsPaused, poolCash, stolen, price, referencePrice, collateral, debt, liquidationPrice)
    Entities(alphaSecurity, betaCapital, gammaLabs, whaleFund, community, foundation)
    Keys(g1, g2, g3)
    Roles(guardian, poolGovernance, poolAdmin, keeper)

    Action("pause", by: guardian, poolAdmin) {
        Require(!paused)
        Assign(paused, true)
    }
    Action("unpause", by: poolAdmin) {
        Require(paused)
        Assign(paused, false)
    }
    Action("pauseLiquidations", by: guardian, poolAdmin, keeper) {
        Require(!liquidationsPaused && !priceTrusted)
        Assign(liquidationsPaused, true)
    }
    Action("resumeLiquidations", by: poolAdmin) {
        Require(liquidationsPaused)
        Assign(liquidationsPaused, false)
        Assign(referencePrice, price)
    }
    UserAction("deposit") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!paused)
        Assign(collateral[ctx.caller], collateral[ctx.caller] + amount)
        Assign(poolCash, poolCash + amount)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!paused && collateral[ctx.caller] >= amount && poolCash >= amount)
        Assign(collateral[ctx.caller], collateral[ctx.caller] - amount)
        Assign(poolCash, poolCash - amount)
    }
    // Repaying is never blocked: a pause must not trap borrowers into liquidation.
    UserAction("repay") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(debt[ctx.caller] >= amount)
        Assign(debt[ctx.caller], debt[ctx.caller] - amount)
        Assign(poolCash, poolCash + amount)
    }
    Action("liquidate", by: keeper) { ctx in
        let borrower = ctx.account("borrower")
        Require(!liquidationsPaused && priceTrusted && liquidatable(borrower))
        Assign(collateral[borrower], 0)
        Assign(debt[borrower], 0)
        AllowReduction { a in a == borrower && liquidatable(a) && priceTrusted }
    }
    // A user's claim: the collateral they can get back, net of what they owe.
    Claim { a in collateral[a] - debt[a] }
    Invariant("stolen funds come out of the pool", stolen + poolCash >= 0)
}
