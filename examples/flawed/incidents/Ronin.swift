import RecovDSL

// Ronin bridge, March 2022 (historical design — expected to FAIL).
// Facts encoded (Sky Mavis, "Community Alert: Ronin Validators Compromised", 2022-03-29, and
// Ronin's post-mortem "Back to Building: Ronin Security Breach Postmortem", 2022-04-27):
// - withdrawals from the Ethereum-side bridge need 5 of 9 validator signatures;
// - Sky Mavis ran 4 of the 9 validators;
// - in Nov 2021 the Axie DAO allowlisted Sky Mavis to sign on its behalf (gas-free RPC load);
//   the allowlist was never revoked;
// - the attacker compromised Sky Mavis and so held 5 of 9 signatures; ~173,600 ETH + 25.5M USDC
//   (~$625M) were withdrawn; nobody noticed for 6 days;
// - there was no withdrawal cap.
// Amounts are in $M. The independent validators are named generically.
// Expected: no-unilateral-control violated (Sky Mavis alone reaches the threshold) and
// blast-radius violated (no cap: the whole vault can leave in one withdrawal).

let roninVault = IntVar("roninVault", 0...1_000)                 // assets locked in the bridge, $M
let roninUnbacked = IntVar("roninUnbacked", 0...1_000, initial: 0) // paid out without a matching burn on Ronin
let roninPaused = Flag("roninPaused", initial: false)
let roninBridged = AccountMap("roninBridged", 0...1_000)          // each user's bridged tokens on Ronin

let roninSkyMavis = Entity("Sky Mavis")
let roninAxieDAO = Entity("Axie DAO")
let roninValidatorA = Entity("Independent validator A")
let roninValidatorB = Entity("Independent validator B")
let roninValidatorC = Entity("Independent validator C")
let roninValidatorD = Entity("Independent validator D")

let roninSM1 = Key("sky-mavis-1", heldBy: roninSkyMavis)
let roninSM2 = Key("sky-mavis-2", heldBy: roninSkyMavis)
let roninSM3 = Key("sky-mavis-3", heldBy: roninSkyMavis)
let roninSM4 = Key("sky-mavis-4", heldBy: roninSkyMavis)
let roninAxieKey = Key("axie-dao", heldBy: roninAxieDAO)
let roninKeyA = Key("validator-a", heldBy: roninValidatorA)
let roninKeyB = Key("validator-b", heldBy: roninValidatorB)
let roninKeyC = Key("validator-c", heldBy: roninValidatorC)
let roninKeyD = Key("validator-d", heldBy: roninValidatorD)

let roninValidators = Role.multisig("roninValidators", threshold: 5,
                                    of: [roninSM1, roninSM2, roninSM3, roninSM4, roninAxieKey,
                                         roninKeyA, roninKeyB, roninKeyC, roninKeyD])

let roninBridgeV1 = Model("RoninBridgeV1") {
    State(roninVault, roninUnbacked, roninPaused, roninBridged)
    Entities(roninSkyMavis, roninAxieDAO, roninValidatorA, roninValidatorB, roninValidatorC, roninValidatorD)
    Keys(roninSM1, roninSM2, roninSM3, roninSM4, roninAxieKey, roninKeyA, roninKeyB, roninKeyC, roninKeyD)
    Allowlist(roninSkyMavis, mayUse: roninAxieKey)   // Nov 2021, never revoked
    Roles(roninValidators)

    // The contract only checks 5 of 9 signatures: nothing ties a withdrawal to a burn, nothing caps it.
    Action("withdraw", by: roninValidators) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!roninPaused && roninVault >= amount)
        Assign(roninVault, roninVault - amount)
        Assign(roninUnbacked, roninUnbacked + amount)
    }
    Action("pauseBridge", by: roninValidators) {
        Assign(roninPaused, true)
    }
    UserAction("bridgeOut") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(roninBridged[ctx.caller] >= amount)
        Assign(roninBridged[ctx.caller], roninBridged[ctx.caller] - amount)
    }
    Claim { a in roninBridged[a] }
}

let roninCompromise = Incident("RoninSkyMavisCompromise", model: roninBridgeV1) {
    Compromised(roninSkyMavis)
}

// What happened after detection: the validators paused the bridge (6 days after the theft).
let roninPauseBridge = Procedure("RoninV1PauseBridge", model: roninBridgeV1, incident: roninCompromise) {
    Trigger(roninUnbacked == 0)
    Step("pause", action: "pauseBridge", by: roninValidators, within: 6 * day) {
        Writes(roninPaused)
    }
    BlastRadius(loss: roninUnbacked, max: 50)   // the $50M a day the fixed design (V2) allows
}
