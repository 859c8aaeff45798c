import RecovDSL

// Aave v3 pool with its emergency admin. Facts encoded (Aave v3 docs "Permissions and roles",
// PoolConfigurator `setPoolPause(bool paused, uint40 gracePeriod)`, MAX_GRACE_PERIOD = 4 hours;
// Aave governance docs): the Emergency Admin (the Aave Guardian, a 5-of-10 Safe) may pause the
// pool or single reserves, a power it shares with the governance executor (the pool admin); it
// cannot upgrade, list assets or change risk parameters, which only governance can; unpausing may
// start a liquidation grace period of at most 4 hours; governance actions wait about 5 days
// (modelled as a 5-day timelock). One key holder of the 5-of-10 guardian also sits in a 2-of-3
// Safe (modelled as a risk steward that may freeze a reserve): the same entity holds a key in
// both roles. Signer and holder-group names are generic; amounts in $M, prices in cents.

let aavePoolPaused = Flag("aavePoolPaused", initial: false)
let aaveReservePaused = Flag("aaveReservePaused", initial: false)
let aaveReserveFrozen = Flag("aaveReserveFrozen", initial: false)
let aaveGraceUntil = IntVar("aaveGraceUntil", 0...1_000_000_000_000_000, initial: 0)
let aaveGracePeriod = IntVar("aaveGracePeriod", 0...30 * 86_400, initial: 0)
let aaveLtv = IntVar("aaveLtv", 0...100)
let aaveImplementation = IntVar("aaveImplementation", 0...1_000)
let aaveListedAssets = IntVar("aaveListedAssets", 0...1_000)
let aavePrice = IntVar("aavePrice", 1...10_000)
let aaveCash = IntVar("aaveCash", 0...10_000)
let aaveStolen = IntVar("aaveStolen", 0...10_000)
let aaveCollateral = AccountMap("aaveCollateral", 0...1_000_000)
let aaveDebt = AccountMap("aaveDebt", 0...1_000_000)
let aaveLiquidationPrice = AccountMap("aaveLiquidationPrice", 0...10_000)

let aaveSharedSigner = Entity("Shared signer (guardian + 2-of-3 Safe)")
let aaveGuardianSigners = (2...10).map { Entity("Aave Guardian signer \($0)") }
let aaveStewardSigners = (2...3).map { Entity("2-of-3 Safe signer \($0)") }
let aaveHoldersA = Entity("AAVE holders A")
let aaveHoldersB = Entity("AAVE holders B")
let aaveHoldersC = Entity("AAVE holders C")
let aaveHoldersD = Entity("AAVE holders D")

let aaveGuardianKeys = [Key("aave-guardian-1", heldBy: aaveSharedSigner)]
    + aaveGuardianSigners.enumerated().map { i, e in Key("aave-guardian-\(i + 2)", heldBy: e) }
let aaveStewardKeys = [Key("aave-steward-1", heldBy: aaveSharedSigner)]
    + aaveStewardSigners.enumerated().map { i, e in Key("aave-steward-\(i + 2)", heldBy: e) }

let aaveEmergencyAdmin = Role.multisig("aaveEmergencyAdmin", threshold: 5, of: aaveGuardianKeys)
let aaveStewardSafe = Role.multisig("aaveStewardSafe", threshold: 2, of: aaveStewardKeys)
let aaveGovernance = Role.governance("aaveGovernance",
    powers: [aaveHoldersA: 30, aaveHoldersB: 25, aaveHoldersC: 25, aaveHoldersD: 20],
    supermajority: Fraction(1, 2), quorum: Fraction(2, 100), measuredAt: .snapshot)
let aaveExecutor = Role.timelock("aaveGovernanceExecutor", role: aaveGovernance, minDelay: 5 * day)
let aaveLiquidator = Role.anyone("aaveLiquidator")

func aaveLiquidatable(_ a: AccountExpr) -> BoolExpr { aavePrice < aaveLiquidationPrice[a] }

let aaveV3 = Model("AaveV3") {
    State(aavePoolPaused, aaveReservePaused, aaveReserveFrozen, aaveGraceUntil, aaveGracePeriod, aaveLtv,
          aaveImplementation, aaveListedAssets, aavePrice, aaveCash, aaveStolen, aaveCollateral, aaveDebt, aaveLiquidationPrice)
    Entities(aaveSharedSigner, aaveHoldersA, aaveHoldersB, aaveHoldersC, aaveHoldersD)
    for e in aaveGuardianSigners + aaveStewardSigners { Entities(e) }
    for k in aaveGuardianKeys + aaveStewardKeys { Keys(k) }
    Roles(aaveEmergencyAdmin, aaveStewardSafe, aaveGovernance, aaveExecutor, aaveLiquidator)

    // onlyEmergencyOrPoolAdmin; `require(gracePeriod <= MAX_GRACE_PERIOD)`; the grace period
    // starts when the pool is unpaused.
    Action("setPoolPause", by: aaveEmergencyAdmin, aaveExecutor) { ctx in
        let paused = ctx.bool("paused")
        let gracePeriod = ctx.int("gracePeriod", 0...30 * 86_400)
        Require(gracePeriod <= IntExpr(4 * hour))
        Assign(aavePoolPaused, paused)
        Assign(aaveGraceUntil, ite(paused, aaveGraceUntil, now + gracePeriod))
        Assign(aaveGracePeriod, ite(paused, aaveGracePeriod, gracePeriod))
    }
    Action("setReservePause", by: aaveEmergencyAdmin, aaveExecutor) { ctx in
        let paused = ctx.bool("paused")
        Assign(aaveReservePaused, paused)
    }
    Action("setReserveFreeze", by: aaveStewardSafe, aaveExecutor) { ctx in
        let frozen = ctx.bool("frozen")
        Assign(aaveReserveFrozen, frozen)
    }
    // Governance only.
    Action("upgradePool", by: aaveExecutor) { ctx in
        let implementation = ctx.int("implementation", 0...1_000)
        Assign(aaveImplementation, implementation)
    }
    Action("listAsset", by: aaveExecutor) {
        Require(aaveListedAssets + 1 <= IntExpr(1_000))   // modeling bound: keeps it in its declared range
        Assign(aaveListedAssets, aaveListedAssets + 1)
    }
    Action("setRiskParameters", by: aaveExecutor) { ctx in
        let ltv = ctx.int("ltv", 0...100)
        Assign(aaveLtv, ltv)
    }
    UserAction("supply") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!aavePoolPaused && !aaveReservePaused && !aaveReserveFrozen)
        Require(aaveCollateral[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(aaveCollateral[ctx.caller], aaveCollateral[ctx.caller] + amount)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!aavePoolPaused && !aaveReservePaused && aaveCollateral[ctx.caller] >= amount)
        Assign(aaveCollateral[ctx.caller], aaveCollateral[ctx.caller] - amount)
    }
    UserAction("repay") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!aavePoolPaused && !aaveReservePaused && aaveDebt[ctx.caller] >= amount)
        Assign(aaveDebt[ctx.caller], aaveDebt[ctx.caller] - amount)
    }
    // No liquidation while paused or during the grace period after an unpause.
    Action("liquidationCall", by: aaveLiquidator) { ctx in
        let borrower = ctx.account("borrower")
        Require(!aavePoolPaused && !aaveReservePaused && now >= aaveGraceUntil && aaveLiquidatable(borrower))
        Assign(aaveCollateral[borrower], 0)
        Assign(aaveDebt[borrower], 0)
        AllowReduction { a in a == borrower && aaveLiquidatable(a) && now >= aaveGraceUntil }
    }
    Assume("the incident starts before 10^12 s (timestamps stay in their ranges)", now <= 1_000_000_000_000)
    Claim { a in aaveCollateral[a] - aaveDebt[a] }
}
