import RecovDSL

// Balancer v2 Vault pause window. Facts encoded (Balancer v2 docs "Emergency / pausing" and
// TemporarilyPausable.sol): a pool or the Vault may be paused only during a pause window fixed at
// deployment (at most 90 days; the Vault used 3 months, modelled as 90 days) and stays pausable
// for a buffer period after it (at most 30 days; the Vault used 1 month, modelled as 30 days):
// `_setPaused(true)` requires now < pauseWindowEnd, `_setPaused(false)` requires now <
// bufferPeriodEnd, and after bufferPeriodEnd the Vault counts as unpaused whatever the flag says,
// for good. Pausing is granted through the Authorizer to an emergency multisig (modelled as
// 4 of 7 distinct signers — our assumption). Amounts in $M.

let balPausedFlag = Flag("balPausedFlag", initial: false)
let balDeployedAt = IntVar("balDeployedAt", 0...2_000_000_000)
let balLastPauseAt = IntVar("balLastPauseAt", 0...1_000_000_000_000_000, initial: 0)
let balVaultCash = IntVar("balVaultCash", 0...10_000)
let balStolen = IntVar("balStolen", 0...10_000)
let balBalances = AccountMap("balBalances", 0...1_000_000)

let balPauseWindow = 90 * day
let balBufferPeriod = 30 * day
let balPauseWindowEnd: IntExpr = balDeployedAt + IntExpr(balPauseWindow)
let balBufferPeriodEnd: IntExpr = balDeployedAt + IntExpr(balPauseWindow + balBufferPeriod)
/// TemporarilyPausable._isNotPaused(): `block.timestamp > bufferPeriodEnd || !paused`.
let balPaused: BoolExpr = balPausedFlag && now <= balBufferPeriodEnd

let balSigners = (1...7).map { Entity("Balancer emergency signer \($0)") }
let balSignerKeys = balSigners.enumerated().map { i, e in Key("balancer-emergency-\(i + 1)", heldBy: e) }
let balEmergency = Role.multisig("balancerEmergency", threshold: 4, of: balSignerKeys)

let balancerV2 = Model("BalancerV2Vault") {
    State(balPausedFlag, balDeployedAt, balLastPauseAt, balVaultCash, balStolen, balBalances)
    for e in balSigners { Entities(e) }
    for k in balSignerKeys { Keys(k) }
    Roles(balEmergency)

    Action("setPaused", by: balEmergency) { ctx in
        let paused = ctx.bool("paused")
        Require((paused && now < balPauseWindowEnd) || (!paused && now < balBufferPeriodEnd))
        Assign(balPausedFlag, paused)
        Assign(balLastPauseAt, ite(paused, now, balLastPauseAt))
    }
    UserAction("join") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!balPaused)
        Require(balBalances[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(balBalances[ctx.caller], balBalances[ctx.caller] + amount)
        Require(balVaultCash + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(balVaultCash, balVaultCash + amount)
    }
    UserAction("exit") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!balPaused && balBalances[ctx.caller] >= amount && balVaultCash >= amount)
        Assign(balBalances[ctx.caller], balBalances[ctx.caller] - amount)
        Assign(balVaultCash, balVaultCash - amount)
    }
    Assume("the incident starts before 10^12 s (timestamps stay in their ranges)", now <= 1_000_000_000_000)
    Claim { a in balBalances[a] }
    Assume("deployed before the incident", balDeployedAt <= now)
    Invariant("pauses happen only inside the pause window", balLastPauseAt == 0 || balLastPauseAt < balPauseWindowEnd)
}
