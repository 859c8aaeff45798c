import RecovDSL

// C.R.E.A.M. Finance, October 2021 (historical shape — expected to FAIL).
// Facts: ~$130M was borrowed out of the lending pool against a collateral token whose oracle
// price the attacker had inflated (the price was read from a vault's share price, which a
// donation raised); the loans were never repaid. Modelling choices: amounts in $M; the pause
// guardian is a 2-of-3 multisig of generic signers that pauses within an hour of detection;
// the manipulation and the borrow happen in one transaction.
// Expected: no-collateral-loss violated. No depositor's cTokens change, but the pool's assets
// (cash plus backed loans) fall by what was borrowed, so the representative depositor's
// redeemable value falls before any pause can run; the fix is the oracle
// (models/incidents/CreamLendingPoolModel.swift), not a faster pause.

let creamV1Paused = Flag("creamV1Paused", initial: false)
let creamV1Cash = IntVar("creamV1Cash", 0...1_000, initial: 200)      // liquidity before the attack
let creamV1Loans = IntVar("creamV1Loans", 0...1_000, initial: 0)
let creamV1Supply = IntVar("creamV1Supply", 0...1_000, initial: 200)
let creamV1CTokens = AccountMap("creamV1CTokens", 0...200)

let creamV1SignerA = Entity("Cream v1 guardian signer A")
let creamV1SignerB = Entity("Cream v1 guardian signer B")
let creamV1SignerC = Entity("Cream v1 guardian signer C")
let creamV1Keys = [Key("cream-v1-guardian-a", heldBy: creamV1SignerA), Key("cream-v1-guardian-b", heldBy: creamV1SignerB),
                   Key("cream-v1-guardian-c", heldBy: creamV1SignerC)]
let creamV1Guardian = Role.multisig("creamV1PauseGuardian", threshold: 2, of: creamV1Keys)

let creamV1Pool = Model("CreamPoolSpotOracle") {
    State(creamV1Paused, creamV1Cash, creamV1Loans, creamV1Supply, creamV1CTokens)
    Entities(creamV1SignerA, creamV1SignerB, creamV1SignerC)
    for k in creamV1Keys { Keys(k) }
    Roles(creamV1Guardian)

    Action("pauseMarkets", by: creamV1Guardian) {
        Assign(creamV1Paused, true)
    }
    Claim.redeemable(shares: creamV1CTokens, totalShares: creamV1Supply, assets: creamV1Cash + creamV1Loans)
}

let creamV1Manipulation = Incident("CreamV1DonationManipulation", model: creamV1Pool) {
    // Collateral valued at the inflated price: the loan is bad debt, not an asset of the pool.
    Attack("borrowAgainstDonatedCollateral", while: !creamV1Paused) { ctx in
        let amount = ctx.int("amount", 1...200)
        Require(creamV1Cash >= amount)
        Assign(creamV1Cash, creamV1Cash - amount)
    }
}

let creamV1Pause = Procedure("CreamSpotOraclePause", model: creamV1Pool, incident: creamV1Manipulation) {
    Trigger(!creamV1Paused)
    Step("pause", action: "pauseMarkets", by: creamV1Guardian, within: 1 * hour) {
        Writes(creamV1Paused)
    }
    Containment(creamV1Paused, within: 1 * hour)
}
