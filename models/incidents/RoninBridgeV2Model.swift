import RecovDSL

// Ronin Bridge V2 (the fixed design after March 2022). Facts encoded (Ronin, "Back to Building:
// Ronin Security Breach Postmortem", 2022-04-27, and the Bridge V2 relaunch notes, 2022-06):
// withdrawals need 70% of the validators' signatures (90% for large withdrawals), a daily
// withdrawal cap ($50M at the start), and validators held by distinct entities. We model 11
// validators (70% of 11 → 8 signatures; 90% → 10), each held by its own entity; amounts in $M;
// large withdrawals are those above $10M (the tier boundary is our choice).

let roninV2Vault = IntVar("roninV2Vault", 0...1_000)
let roninV2Unbacked = IntVar("roninV2Unbacked", 0...1_000, initial: 0)
let roninV2WithdrawnToday = IntVar("roninV2WithdrawnToday", 0...50)
let roninV2DayStart = IntVar("roninV2DayStart", 0...1_000_000_000_000_000)
let roninV2Paused = Flag("roninV2Paused", initial: false)
let roninV2Bridged = AccountMap("roninV2Bridged", 0...1_000)

let roninV2SkyMavis = Entity("Sky Mavis")
let roninV2Operators = (1...10).map { Entity("Ronin V2 validator operator \($0)") }
let roninV2SkyMavisKey = Key("v2-sky-mavis", heldBy: roninV2SkyMavis)
let roninV2OperatorKeys = roninV2Operators.enumerated().map { i, e in Key("v2-validator-\(i + 1)", heldBy: e) }
let roninV2AllKeys = [roninV2SkyMavisKey] + roninV2OperatorKeys

let roninV2Validators = Role.multisig("roninV2Validators", threshold: 8, of: roninV2AllKeys)      // 70%
let roninV2HighTier = Role.multisig("roninV2HighTierValidators", threshold: 10, of: roninV2AllKeys) // 90%
let roninV2Keeper = Role.anyone("roninV2Keeper")

/// A withdrawal within the daily cap ($50M a day).
func roninV2WithinCap(_ amount: IntExpr) -> BoolExpr { roninV2WithdrawnToday + amount <= 50 }

let roninBridgeV2 = Model("RoninBridgeV2") {
    State(roninV2Vault, roninV2Unbacked, roninV2WithdrawnToday, roninV2DayStart, roninV2Paused, roninV2Bridged)
    Entities(roninV2SkyMavis)
    for validatorEntity in roninV2Operators { Entities(validatorEntity) }
    for key in roninV2AllKeys { Keys(key) }
    Roles(roninV2Validators, roninV2HighTier, roninV2Keeper)

    Action("withdraw", by: roninV2Validators) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(!roninV2Paused && roninV2Vault >= amount && roninV2WithinCap(amount))
        Assign(roninV2Vault, roninV2Vault - amount)
        Require(roninV2Unbacked + amount <= IntExpr(1_000))   // modeling bound: keeps it in its declared range
        Assign(roninV2Unbacked, roninV2Unbacked + amount)
        Require(roninV2WithdrawnToday + amount <= IntExpr(50))   // modeling bound: keeps it in its declared range
        Assign(roninV2WithdrawnToday, roninV2WithdrawnToday + amount)
    }
    Action("withdrawLarge", by: roninV2HighTier) { ctx in
        let amount = ctx.int("amount", 11...50)
        Require(!roninV2Paused && roninV2Vault >= amount && roninV2WithinCap(amount))
        Assign(roninV2Vault, roninV2Vault - amount)
        Require(roninV2Unbacked + amount <= IntExpr(1_000))   // modeling bound: keeps it in its declared range
        Assign(roninV2Unbacked, roninV2Unbacked + amount)
        Require(roninV2WithdrawnToday + amount <= IntExpr(50))   // modeling bound: keeps it in its declared range
        Assign(roninV2WithdrawnToday, roninV2WithdrawnToday + amount)
    }
    Action("resetDailyCap", by: roninV2Keeper) {
        Require(now <= IntExpr(1_000_000_000_000_000))   // modeling bound: the day start stays in its range
        Require(now >= roninV2DayStart + IntExpr(day))
        Assign(roninV2WithdrawnToday, 0)
        Assign(roninV2DayStart, now)
    }
    Action("pauseBridge", by: roninV2Validators) {
        Assign(roninV2Paused, true)
    }
    UserAction("bridgeOut") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(roninV2Bridged[ctx.caller] >= amount)
        Assign(roninV2Bridged[ctx.caller], roninV2Bridged[ctx.caller] - amount)
    }
    Claim { a in roninV2Bridged[a] }
    Assume("the cap window has started", roninV2DayStart <= now)
}
