import RecovDSL

// Harmony Horizon bridge, fixed design. Facts encoded (Harmony's post-mortem and recovery plan,
// 2022-06/07): the Ethereum-side multisig becomes 4 of 5, with the keys held by distinct
// entities (named generically here). Amounts in $M.

let harmonyV2Vault = IntVar("harmonyV2Vault", 0...1_000)
let harmonyV2Unbacked = IntVar("harmonyV2Unbacked", 0...1_000, initial: 0)
let harmonyV2Paused = Flag("harmonyV2Paused", initial: false)
let harmonyV2Bridged = AccountMap("harmonyV2Bridged", 0...1_000)

let harmonyV2Company = Entity("Harmony")
let harmonyV2SignerB = Entity("Horizon signer B")
let harmonyV2SignerC = Entity("Horizon signer C")
let harmonyV2SignerD = Entity("Horizon signer D")
let harmonyV2SignerE = Entity("Horizon signer E")
let harmonyV2Key1 = Key("horizon-v2-owner-1", heldBy: harmonyV2Company)
let harmonyV2Key2 = Key("horizon-v2-owner-2", heldBy: harmonyV2SignerB)
let harmonyV2Key3 = Key("horizon-v2-owner-3", heldBy: harmonyV2SignerC)
let harmonyV2Key4 = Key("horizon-v2-owner-4", heldBy: harmonyV2SignerD)
let harmonyV2Key5 = Key("horizon-v2-owner-5", heldBy: harmonyV2SignerE)

let harmonyV2Multisig = Role.multisig("horizonV2Multisig", threshold: 4,
                                      of: [harmonyV2Key1, harmonyV2Key2, harmonyV2Key3, harmonyV2Key4, harmonyV2Key5])

let harmonyHorizonV2 = Model("HarmonyHorizonV2") {
    State(harmonyV2Vault, harmonyV2Unbacked, harmonyV2Paused, harmonyV2Bridged)
    Entities(harmonyV2Company, harmonyV2SignerB, harmonyV2SignerC, harmonyV2SignerD, harmonyV2SignerE)
    Keys(harmonyV2Key1, harmonyV2Key2, harmonyV2Key3, harmonyV2Key4, harmonyV2Key5)
    Roles(harmonyV2Multisig)

    Action("unlock", by: harmonyV2Multisig) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!harmonyV2Paused && harmonyV2Vault >= amount)
        Assign(harmonyV2Vault, harmonyV2Vault - amount)
        Require(harmonyV2Unbacked + amount <= IntExpr(1_000))   // modeling bound: keeps it in its declared range
        Assign(harmonyV2Unbacked, harmonyV2Unbacked + amount)
    }
    Action("pauseBridge", by: harmonyV2Multisig) {
        Assign(harmonyV2Paused, true)
    }
    UserAction("bridgeOut") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(harmonyV2Bridged[ctx.caller] >= amount)
        Assign(harmonyV2Bridged[ctx.caller], harmonyV2Bridged[ctx.caller] - amount)
    }
    Claim { a in harmonyV2Bridged[a] }
}
