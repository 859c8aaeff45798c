import RecovDSL

// A lock-and-mint bridge with a daily withdrawal cap, the mitigation Ronin V2 relaunched with
// ($50M a day, 2022-06) and that Nomad lacked when a message-verification bug let anyone forge
// withdrawals (2022-08-01, ~$190M in hours). Amounts in $M. Every withdrawal, honest or forged,
// goes through the contract's cap: `Spend(cappedBridgeDaily, amount)` (fixed UTC days, as Ronin's
// `block.timestamp / 1 days`). Three guardians, 2 of 3 pause.

let cappedBridgeVault = IntVar("cappedBridgeVault", 0...1_000)
let cappedBridgeForged = IntVar("cappedBridgeForged", 0...1_000, initial: 0)   // paid out against forged messages
let cappedBridgePaused = Flag("cappedBridgePaused", initial: false)
let cappedBridgeBalances = AccountMap("cappedBridgeBalances", 0...1_000)
let cappedBridgeDaily = RateLimit("dailyWithdrawals", max: 50, per: 1 * day)

let cappedBridgeGuardians = (1...3).map { Entity("Capped bridge guardian \($0)") }
let cappedBridgeGuardianKeys = cappedBridgeGuardians.enumerated().map { i, e in Key("capped-guardian-\(i + 1)", heldBy: e) }
let cappedBridgeGuardian = Role.multisig("cappedBridgeGuardian", threshold: 2, of: cappedBridgeGuardianKeys)

let cappedBridge = Model("CappedBridge") {
    State(cappedBridgeVault, cappedBridgeForged, cappedBridgePaused, cappedBridgeBalances)
    cappedBridgeDaily
    for e in cappedBridgeGuardians { Entities(e) }
    for k in cappedBridgeGuardianKeys { Keys(k) }
    Roles(cappedBridgeGuardian)

    Action("pauseBridge", by: cappedBridgeGuardian) {
        Assign(cappedBridgePaused, true)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...50)
        Require(!cappedBridgePaused && cappedBridgeBalances[ctx.caller] >= amount && cappedBridgeVault >= amount)
        Spend(cappedBridgeDaily, amount)
        Assign(cappedBridgeVault, cappedBridgeVault - amount)
        Assign(cappedBridgeBalances[ctx.caller], cappedBridgeBalances[ctx.caller] - amount)
    }
    Claim { a in cappedBridgeBalances[a] }
}
