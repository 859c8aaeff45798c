import RecovDSL

// A Compound/Aave-style lending pool: users deposit collateral and borrow against it; a guardian
// multisig of three distinct firms can pause; governance (behind a 2-day timelock) can unpause.
// Positions are liquidatable when the oracle price falls below their liquidation price, but only
// while the price stays within 20% of the one-hour-delayed reference price (a circuit breaker).
// Every outflow of the pool's cash — withdrawals and any exploit that moves tokens out — passes
// the token layer's rate limit: at most `lendingOutflowCap` per rate-limit window of one hour,
// and anyone may open a new window once the current one is an hour old.

let paused = Flag("paused", initial: false)
let liquidationsPaused = Flag("liquidationsPaused", initial: false)
let poolCash = IntVar("poolCash", 0...10_000_000)
let stolen = IntVar("stolen", 0...10_000_000)
let price = IntVar("price", 1...10_000)              // oracle price of the collateral asset, in cents
let referencePrice = IntVar("referencePrice", 1...10_000)  // one-hour-delayed feed
let collateral = AccountMap("collateral", 0...1_000_000)
let debt = AccountMap("debt", 0...1_000_000)
let liquidationPrice = AccountMap("liquidationPrice", 0...10_000)
let poolPatched = Flag("patched", initial: false)            // the vulnerable implementation was replaced
let lendingOutflowCap = 50_000                                // per rate-limit window
let poolOutflow = IntVar("outflow", 0...lendingOutflowCap)    // cash moved out in the current window
let poolWindowStart = IntVar("windowStart", 0...1_000_000_000_000_000) // start of the current window (seconds)

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
let poolAdmin = Role.timelock("poolAdmin", role: poolGovernance, minDelay: 2 * day, grace: 14 * day)
let keeper = Role.anyone("keeper")

/// A position is liquidatable when the oracle price is below its liquidation price.
func liquidatable(_ a: AccountExpr) -> BoolExpr { price < liquidationPrice[a] }

/// The circuit breaker: the oracle price is within 20% of the delayed reference price.
let priceTrusted: BoolExpr = price * 100 >= referencePrice * 80 && price * 100 <= referencePrice * 120

let lendingPool = Model("LendingPool") {
    State(paused, liquidationsPaused, poolCash, stolen, price, referencePrice, collateral, debt, liquidationPrice,
          poolPatched, poolOutflow, poolWindowStart)
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
    // One governance proposal: replace the vulnerable implementation, then lift the pause.
    Action("upgradeAndUnpause", by: poolAdmin) {
        Require(paused)
        Assign(poolPatched, true)
        Assign(paused, false)
    }
    Action("openOutflowWindow", by: keeper) {
        Require(now >= poolWindowStart + IntExpr(hour))
        Require(now <= IntExpr(1_000_000_000_000_000))   // modeling bound: the window start stays in its range
        Assign(poolWindowStart, now)
        Assign(poolOutflow, 0)
    }
    // The guardian may suspend liquidations at any time (idempotent, so it never blocks);
    // anyone may trip the breaker while the price is outside the band.
    Action("pauseLiquidations", by: guardian, poolAdmin) {
        Assign(liquidationsPaused, true)
    }
    Action("tripPriceBreaker", by: keeper) {
        Require(!liquidationsPaused && !priceTrusted)
        Assign(liquidationsPaused, true)
    }
    // Lifting the suspension does not touch the reference feed: re-anchoring it to the current
    // (possibly manipulated) oracle price would let the manipulation through the breaker.
    Action("resumeLiquidations", by: poolAdmin) {
        Require(liquidationsPaused)
        Assign(liquidationsPaused, false)
    }
    UserAction("deposit") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!paused)
        Require(collateral[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(collateral[ctx.caller], collateral[ctx.caller] + amount)
        Require(poolCash + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(poolCash, poolCash + amount)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!paused && collateral[ctx.caller] >= amount && poolCash >= amount)
        Require(poolOutflow + amount <= IntExpr(lendingOutflowCap))
        Assign(collateral[ctx.caller], collateral[ctx.caller] - amount)
        Assign(poolCash, poolCash - amount)
        Assign(poolOutflow, poolOutflow + amount)
    }
    // Repaying is never blocked: a pause must not trap borrowers into liquidation.
    UserAction("repay") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(debt[ctx.caller] >= amount)
        Assign(debt[ctx.caller], debt[ctx.caller] - amount)
        Require(poolCash + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
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
