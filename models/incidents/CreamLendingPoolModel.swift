import RecovDSL

// A Compound-fork lending pool seen through redeemable-value claims, with the fix for the
// October 2021 C.R.E.A.M. Finance drain (~$130M): there the attacker inflated the price its
// oracle read for one collateral token (a vault share whose price a donation could raise) and
// borrowed the pool's liquidity against it; the loans were worthless, so every depositor's
// cTokens redeemed for less while no balance changed. Fix modelled: collateral is priced by an
// oracle a donation cannot move (modelling choice: a time-weighted price), so whatever the
// attacker borrows stays backed and counts in the pool's assets.
// Amounts in $M (a 200 pool, 200 cTokens at the trigger). Assets = cash + loans backed at the real
// price. Guardian signers are generic.

let creamV2Paused = Flag("creamV2Paused", initial: false)
let creamV2Cash = IntVar("creamV2Cash", 0...1_000, initial: 200)      // liquidity before the attack
let creamV2Loans = IntVar("creamV2Loans", 0...1_000, initial: 0)
let creamV2Supply = IntVar("creamV2Supply", 0...1_000, initial: 200)          // cTokens outstanding
let creamV2CTokens = AccountMap("creamV2CTokens", 0...200)    // each depositor's cTokens

let creamV2SignerA = Entity("Cream guardian signer A")
let creamV2SignerB = Entity("Cream guardian signer B")
let creamV2SignerC = Entity("Cream guardian signer C")
let creamV2Keys = [Key("cream-v2-guardian-a", heldBy: creamV2SignerA), Key("cream-v2-guardian-b", heldBy: creamV2SignerB),
                   Key("cream-v2-guardian-c", heldBy: creamV2SignerC)]
let creamV2Guardian = Role.multisig("creamV2PauseGuardian", threshold: 2, of: creamV2Keys)

let creamV2Pool = Model("CreamPoolFairOracle") {
    State(creamV2Paused, creamV2Cash, creamV2Loans, creamV2Supply, creamV2CTokens)
    Entities(creamV2SignerA, creamV2SignerB, creamV2SignerC)
    for k in creamV2Keys { Keys(k) }
    Roles(creamV2Guardian)

    Action("pauseMarkets", by: creamV2Guardian) {
        Assign(creamV2Paused, true)
    }
    // What a depositor can redeem: its cTokens' share of cash plus backed loans.
    Claim.redeemable(shares: creamV2CTokens, totalShares: creamV2Supply, assets: creamV2Cash + creamV2Loans)
}
