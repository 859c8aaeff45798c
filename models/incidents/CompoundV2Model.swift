import RecovDSL

// Compound v2 Comptroller with its pause guardian. Facts encoded (Compound docs, "Comptroller —
// Pause Guardian"; Comptroller.sol `_setMintPaused`, `_setBorrowPaused`, `_setTransferPaused`,
// `_setSeizePaused`): the pause guardian may pause mint, borrow, transfer and seize; it may only
// set a pause to true ("only admin can unpause"); the admin is governance (GovernorBravo) behind
// the Timelock (minimum delay 2 days, maximum 30 days, grace period 14 days); redeem and repay
// check no pause flag, so the guardian can never block them.
// Also the fix for Proposal 062 (Sept 2021): a guardian switch that stops COMP distribution.
// The guardian is modelled as a 4-of-6 Safe of distinct community signers (our assumption: the
// checker needs the holders); delegate groups are generic.

let compMintPaused = Flag("compMintPaused", initial: false)
let compBorrowPaused = Flag("compBorrowPaused", initial: false)
let compTransferPaused = Flag("compTransferPaused", initial: false)
let compSeizePaused = Flag("compSeizePaused", initial: false)
let compDistributionPaused = Flag("compDistributionPaused", initial: false)
let compExcessPaid = IntVar("compExcessPaid", 0...280_000, initial: 0)
let compCash = IntVar("compCash", 0...10_000_000)
let compStolen = IntVar("compStolen", 0...10_000_000)
let compSupplied = AccountMap("compSupplied", 0...1_000_000)
let compBorrowed = AccountMap("compBorrowed", 0...1_000_000)
let compShortfall = AccountMap("compShortfall", 0...1_000_000)

let compSigners = (1...6).map { Entity("Compound guardian signer \($0)") }
let compGuardianKeys = compSigners.enumerated().map { i, e in Key("compound-guardian-\(i + 1)", heldBy: e) }
let compDelegatesA = Entity("COMP delegates A")
let compDelegatesB = Entity("COMP delegates B")
let compDelegatesC = Entity("COMP delegates C")
let compDelegatesD = Entity("COMP delegates D")

let compPauseGuardian = Role.multisig("compoundPauseGuardian", threshold: 4, of: compGuardianKeys)
let compGovernance = Role.governance("compoundGovernance",
    powers: [compDelegatesA: 30, compDelegatesB: 25, compDelegatesC: 25, compDelegatesD: 20],
    supermajority: Fraction(1, 2), quorum: Fraction(4, 100), measuredAt: .snapshot)
let compAdmin = Role.timelock("compoundAdmin", role: compGovernance, minDelay: 2 * day, grace: 14 * day)
let compLiquidator = Role.anyone("compoundLiquidator")

let compoundV2 = Model("CompoundV2") {
    State(compMintPaused, compBorrowPaused, compTransferPaused, compSeizePaused, compDistributionPaused,
          compExcessPaid, compCash, compStolen, compSupplied, compBorrowed, compShortfall)
    for e in compSigners { Entities(e) }
    Entities(compDelegatesA, compDelegatesB, compDelegatesC, compDelegatesD)
    for k in compGuardianKeys { Keys(k) }
    Roles(compPauseGuardian, compGovernance, compAdmin, compLiquidator)

    // Guardian: `require(msg.sender == admin || state == true, "only admin can unpause")`.
    Action("guardianSetMintPaused", by: compPauseGuardian) { ctx in
        let state = ctx.bool("state")
        Require(state)
        Assign(compMintPaused, state)
    }
    Action("guardianSetBorrowPaused", by: compPauseGuardian) { ctx in
        let state = ctx.bool("state")
        Require(state)
        Assign(compBorrowPaused, state)
    }
    Action("guardianSetTransferPaused", by: compPauseGuardian) { ctx in
        let state = ctx.bool("state")
        Require(state)
        Assign(compTransferPaused, state)
    }
    Action("guardianSetSeizePaused", by: compPauseGuardian) { ctx in
        let state = ctx.bool("state")
        Require(state)
        Assign(compSeizePaused, state)
    }
    Action("guardianPauseDistribution", by: compPauseGuardian) {
        Assign(compDistributionPaused, true)
    }
    // Admin (governance behind the Timelock) may set any pause either way.
    Action("adminSetMintPaused", by: compAdmin) { ctx in
        let state = ctx.bool("state")
        Assign(compMintPaused, state)
    }
    Action("adminSetBorrowPaused", by: compAdmin) { ctx in
        let state = ctx.bool("state")
        Assign(compBorrowPaused, state)
    }
    Action("adminSetDistributionPaused", by: compAdmin) { ctx in
        let state = ctx.bool("state")
        Assign(compDistributionPaused, state)
    }
    UserAction("mint") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!compMintPaused)
        Require(compSupplied[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(compSupplied[ctx.caller], compSupplied[ctx.caller] + amount)
        Require(compCash + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(compCash, compCash + amount)
    }
    UserAction("redeem") { ctx in      // no pause check
        let amount = ctx.int("amount", 1...1_000)
        Require(compSupplied[ctx.caller] >= amount && compCash >= amount)
        Assign(compSupplied[ctx.caller], compSupplied[ctx.caller] - amount)
        Assign(compCash, compCash - amount)
    }
    UserAction("borrow") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!compBorrowPaused && compCash >= amount)
        Require(compBorrowed[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(compBorrowed[ctx.caller], compBorrowed[ctx.caller] + amount)
        Assign(compCash, compCash - amount)
    }
    UserAction("repay") { ctx in       // no pause check
        let amount = ctx.int("amount", 1...1_000)
        Require(compBorrowed[ctx.caller] >= amount)
        Assign(compBorrowed[ctx.caller], compBorrowed[ctx.caller] - amount)
        Require(compCash + amount <= IntExpr(10_000_000))   // modeling bound: keeps it in its declared range
        Assign(compCash, compCash + amount)
    }
    Action("liquidateBorrow", by: compLiquidator) { ctx in
        let borrower = ctx.account("borrower")
        Require(!compSeizePaused && compShortfall[borrower] > 0)
        Assign(compSupplied[borrower], 0)
        Assign(compBorrowed[borrower], 0)
        AllowReduction { a in a == borrower && compShortfall[a] > 0 }
    }
    Claim { a in compSupplied[a] - compBorrowed[a] }
}
