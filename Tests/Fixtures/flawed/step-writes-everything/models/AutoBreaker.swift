import RecovDSL

// A stablecoin redemption vault with an on-chain monitor. The vault counts the value redeemed
// since the last reset (`abOutflow`); once it exceeds the alert threshold, anyone — in practice
// a keeper bot — may trip the circuit breaker, which halts redemptions. The token contract
// enforces a hard cap on the counted outflow. A risk council (2 of 3 distinct firms) resumes
// redemptions after the fix is deployed, resetting the counter.

let abAlertThreshold = 100_000
let abHardCap = 150_000
let abHalted = Flag("abHalted", initial: false)
let abFixed = Flag("abFixed", initial: false)
let abOutflow = IntVar("abOutflow", 0...abHardCap)
let abReserve = IntVar("abReserve", 0...100_000_000)
let abStolen = IntVar("abStolen", 0...100_000_000)
let abBalance = AccountMap("abBalance", 0...1_000_000)

let abRiskA = Entity("AB Risk Firm A")
let abRiskB = Entity("AB Risk Firm B")
let abRiskC = Entity("AB Risk Firm C")
let abRiskKeyA = Key("ab-risk-a", heldBy: abRiskA)
let abRiskKeyB = Key("ab-risk-b", heldBy: abRiskB)
let abRiskKeyC = Key("ab-risk-c", heldBy: abRiskC)

let abRiskCouncil = Role.multisig("abRiskCouncil", threshold: 2, of: [abRiskKeyA, abRiskKeyB, abRiskKeyC])
let abKeeper = Role.anyone("abKeeper")

/// The monitor's condition: redemptions since the last reset exceed the alert threshold.
let abAlarm: BoolExpr = abOutflow > IntExpr(abAlertThreshold)

let autoBreakerModel = Model("AutoBreaker") {
    State(abHalted, abFixed, abOutflow, abReserve, abStolen, abBalance)
    Entities(abRiskA, abRiskB, abRiskC)
    Keys(abRiskKeyA, abRiskKeyB, abRiskKeyC)
    Roles(abRiskCouncil, abKeeper)

    // Pre-approved and permissionless: only callable while the monitor's condition holds.
    // Idempotent, so a second keeper racing the first never fails.
    Action("tripBreaker", by: abKeeper) {
        Require(abAlarm)
        Assign(abHalted, true)
    }
    // FLAW: a catch-all emergency action that resets every piece of state.
    Action("emergencyReset", by: abRiskCouncil) {
        Assign(abHalted, true)
        Assign(abFixed, true)
        Assign(abOutflow, 0)
        Assign(abReserve, 0)
        Assign(abStolen, 0)
    }
    Action("resumeAfterFix", by: abRiskCouncil) {
        Require(abHalted)
        Assign(abFixed, true)
        Assign(abHalted, false)
        Assign(abOutflow, 0)
    }
    UserAction("redeem") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!abHalted && abBalance[ctx.caller] >= amount && abReserve >= amount)
        Require(abOutflow + amount <= IntExpr(abHardCap))
        Assign(abBalance[ctx.caller], abBalance[ctx.caller] - amount)
        Assign(abReserve, abReserve - amount)
        Assign(abOutflow, abOutflow + amount)
    }
    Claim { a in abBalance[a] }
    Invariant("counted outflow stays under the hard cap", abOutflow <= IntExpr(abHardCap))
}
