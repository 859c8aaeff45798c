import RecovDSL

// Venus Protocol, LUNA oracle incident, May 2022. Facts encoded (Venus "LUNA incident" post-mortem
// and VIP announcements, 2022-05): the Chainlink LUNA feed froze at $0.107 while LUNA traded near
// $0.01; the pause-guardian multisig paused the protocol; the LUNA feeds were zeroed; governance
// set the LUNA collateral factor to 0 and unpaused with a 12-hour window for borrowers to repay
// before liquidations resumed; the $11.2M of bad debt was paid from the risk fund.
// Modelling choices (assumptions): the guardian is a 3-of-5 multisig of distinct signers and also
// zeroes the feed; governance steps run behind a 1-day timelock; holder groups are generic.
// Prices in $0.001 (107 = $0.107); amounts in $100k (112 = $11.2M). The risk fund is assumed to
// exceed the bad debt plus the LUNA market's remaining exposure at the trigger.

let venusPaused = Flag("venusPaused", initial: false)
let venusLunaFeed = IntVar("venusLunaFeed", 0...1_000)
let venusLunaMarket = IntVar("venusLunaMarket", 0...1_000)
let venusLunaCollateralFactor = IntVar("venusLunaCollateralFactor", 0...100)
let venusBadDebt = IntVar("venusBadDebt", 0...10_000)
let venusLunaExposure = IntVar("venusLunaExposure", 0...10_000)
let venusRiskFund = IntVar("venusRiskFund", 0...100_000)
let venusRepayUntil = IntVar("venusRepayUntil", 0...1_000_000_000_000_000, initial: 0)
let venusSupplied = AccountMap("venusSupplied", 0...1_000_000)
let venusDebt = AccountMap("venusDebt", 0...1_000_000)
let venusShortfall = AccountMap("venusShortfall", 0...1_000_000)

let venusGuardianSigners = (1...5).map { Entity("Venus guardian signer \($0)") }
let venusGuardianKeys = venusGuardianSigners.enumerated().map { i, e in Key("venus-guardian-\(i + 1)", heldBy: e) }
let venusHoldersA = Entity("XVS holders A")
let venusHoldersB = Entity("XVS holders B")
let venusHoldersC = Entity("XVS holders C")

let venusGuardian = Role.multisig("venusPauseGuardian", threshold: 3, of: venusGuardianKeys)
let venusGovernance = Role.governance("venusGovernance", powers: [venusHoldersA: 40, venusHoldersB: 35, venusHoldersC: 25],
                                      supermajority: Fraction(1, 2), quorum: Fraction(1, 4), measuredAt: .snapshot)
let venusAdmin = Role.timelock("venusTimelock", role: venusGovernance, minDelay: 1 * day)
let venusLiquidator = Role.anyone("venusLiquidator")

let venusLuna = Model("VenusLuna") {
    State(venusPaused, venusLunaFeed, venusLunaMarket, venusLunaCollateralFactor, venusBadDebt, venusLunaExposure,
          venusRiskFund, venusRepayUntil, venusSupplied, venusDebt, venusShortfall)
    for e in venusGuardianSigners { Entities(e) }
    Entities(venusHoldersA, venusHoldersB, venusHoldersC)
    for k in venusGuardianKeys { Keys(k) }
    Roles(venusGuardian, venusGovernance, venusAdmin, venusLiquidator)

    Action("pauseProtocol", by: venusGuardian, venusAdmin) {
        Assign(venusPaused, true)
    }
    Action("zeroLunaFeed", by: venusGuardian, venusAdmin) {
        Assign(venusLunaFeed, 0)
    }
    Action("setLunaCollateralFactor", by: venusAdmin) { ctx in
        let factor = ctx.int("factor", 0...100)
        Assign(venusLunaCollateralFactor, factor)
    }
    Action("coverBadDebtFromRiskFund", by: venusAdmin) {
        Require(venusRiskFund >= venusBadDebt)
        Assign(venusRiskFund, venusRiskFund - venusBadDebt)
        Assign(venusBadDebt, 0)
    }
    Action("unpauseWithRepayWindow", by: venusAdmin) { ctx in
        let window = ctx.int("repayWindow", 0...7 * 86_400)
        Assign(venusPaused, false)
        Assign(venusRepayUntil, now + window)
    }
    UserAction("repay") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!venusPaused && venusDebt[ctx.caller] >= amount)
        Assign(venusDebt[ctx.caller], venusDebt[ctx.caller] - amount)
    }
    UserAction("redeem") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!venusPaused && venusSupplied[ctx.caller] >= amount)
        Assign(venusSupplied[ctx.caller], venusSupplied[ctx.caller] - amount)
    }
    Action("liquidateBorrow", by: venusLiquidator) { ctx in
        let borrower = ctx.account("borrower")
        Require(!venusPaused && now >= venusRepayUntil && venusShortfall[borrower] > 0)
        Assign(venusSupplied[borrower], 0)
        Assign(venusDebt[borrower], 0)
        AllowReduction { a in a == borrower && venusShortfall[a] > 0 && now >= venusRepayUntil }
    }
    Assume("the incident starts before 10^12 s (timestamps stay in their ranges)", now <= 1_000_000_000_000)
    Claim { a in venusSupplied[a] - venusDebt[a] }
    Invariant("the risk fund covers all bad debt", venusBadDebt <= venusRiskFund)
}
