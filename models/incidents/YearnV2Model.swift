import RecovDSL

// Yearn v2 vault emergency shutdown. Facts encoded (Yearn v2 Vault.vy `setEmergencyShutdown`,
// `setGuardian`; Yearn docs "Emergency shutdown"): the guardian or governance may switch
// emergency shutdown on; only governance may switch it off; during shutdown deposits revert but
// withdrawals stay open; the guardian (or governance) may replace the guardian.
// Governance is ychad.eth, modelled as a 6-of-9 multisig of distinct signers; the guardian is one
// address (one entity). Its unilateral power is accepted explicitly: it can only switch shutdown
// on (which never lowers a claim) or hand that same power to a successor. Amounts in $M.

let yearnShutdown = Flag("yearnShutdown", initial: false)
let yearnTotalAssets = IntVar("yearnTotalAssets", 0...10_000)
let yearnLost = IntVar("yearnLost", 0...10_000)
let yearnShares = AccountMap("yearnShares", 0...1_000_000)

let yearnGuardianEntity = Entity("Yearn guardian")
let yearnSuccessorGuardian = Entity("Successor guardian")
let yearnChadSigners = (1...9).map { Entity("ychad.eth signer \($0)") }
let yearnGuardianKey = Key("yearn-guardian", heldBy: yearnGuardianEntity)
let yearnChadKeys = yearnChadSigners.enumerated().map { i, e in Key("ychad-\(i + 1)", heldBy: e) }

let yearnGuardian = Role.key("yearnGuardian", yearnGuardianKey)
    .allowUnilateral("the guardian can only switch emergency shutdown on (withdrawals stay open) or name its successor")
let yearnGovernance = Role.multisig("yearnGovernance", threshold: 6, of: yearnChadKeys)

let yearnV2 = Model("YearnV2Vault") {
    State(yearnShutdown, yearnTotalAssets, yearnLost, yearnShares)
    Entities(yearnGuardianEntity, yearnSuccessorGuardian)
    for e in yearnChadSigners { Entities(e) }
    Keys(yearnGuardianKey)
    for k in yearnChadKeys { Keys(k) }
    Roles(yearnGuardian, yearnGovernance)

    Action("enableEmergencyShutdown", by: yearnGuardian, yearnGovernance) {
        Assign(yearnShutdown, true)
    }
    Action("disableEmergencyShutdown", by: yearnGovernance) {
        Assign(yearnShutdown, false)
    }
    Action("setGuardian", by: yearnGuardian, yearnGovernance) {
        RotateKey(yearnGuardianKey, to: yearnSuccessorGuardian)
    }
    UserAction("deposit") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!yearnShutdown)
        Require(yearnShares[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(yearnShares[ctx.caller], yearnShares[ctx.caller] + amount)
        Require(yearnTotalAssets + amount <= IntExpr(10_000))   // modeling bound: keeps it in its declared range
        Assign(yearnTotalAssets, yearnTotalAssets + amount)
    }
    UserAction("withdraw") { ctx in       // open during shutdown
        let amount = ctx.int("amount", 1...1_000)
        Require(yearnShares[ctx.caller] >= amount)
        Assign(yearnShares[ctx.caller], yearnShares[ctx.caller] - amount)
        Assign(yearnTotalAssets, max(yearnTotalAssets - amount, 0))
    }
    Claim { a in yearnShares[a] }
}
