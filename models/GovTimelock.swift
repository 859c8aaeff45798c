import RecovDSL

// A DAO treasury and staking vault run by token governance. Token votes are measured at a
// snapshot taken before the proposal, and every passed proposal waits in a 2-day timelock
// during which a security council (2 of 3 distinct firms) can cancel it. Execution after the
// delay is permissionless (anyone may call `executeQueued`).

let govQueued = Flag("govQueued")                          // a passed proposal waits in the timelock
let govQueuedAt = IntVar("govQueuedAt", 0...4_000_000_000)  // when it was queued
let govProposalSweeps = Flag("govProposalSweeps")           // the queued proposal sweeps the vault
let govVault = IntVar("govVault", 0...100_000_000)          // tokens staked by users
let govSwept = IntVar("govSwept", 0...100_000_000)          // tokens moved out by executed sweeps
let govProposalThreshold = IntVar("govProposalThreshold", 1...100, initial: 1) // % of power to propose
let govStake = AccountMap("govStake", 0...1_000_000)

let govWhale = Entity("Gov Whale Fund")
let govDelegates = Entity("Gov Community Delegates")
let govFoundation = Entity("Gov Foundation")
let govCouncilA = Entity("Gov Council: Auditor A")
let govCouncilB = Entity("Gov Council: Auditor B")
let govCouncilC = Entity("Gov Council: Auditor C")

let govCouncilKeyA = Key("gov-council-a", heldBy: govCouncilA)
let govCouncilKeyB = Key("gov-council-b", heldBy: govCouncilB)
let govCouncilKeyC = Key("gov-council-c", heldBy: govCouncilC)

let govVotes = Role.governance("govVotes", powers: [govWhale: 35, govDelegates: 40, govFoundation: 25],
                               supermajority: Fraction(1, 2), quorum: Fraction(1, 4), measuredAt: .snapshot)
let govCouncil = Role.multisig("govCouncil", threshold: 2, of: [govCouncilKeyA, govCouncilKeyB, govCouncilKeyC])
let govTimelock = Role.timelock("govTimelock", role: govVotes, minDelay: 2 * day,
                                grace: 14 * day, vetoBy: govCouncil)
let govAnyone = Role.anyone("govAnyone")

let govModel = Model("GovTimelock") {
    State(govQueued, govQueuedAt, govProposalSweeps, govVault, govSwept, govProposalThreshold, govStake)
    Entities(govWhale, govDelegates, govFoundation, govCouncilA, govCouncilB, govCouncilC)
    Keys(govCouncilKeyA, govCouncilKeyB, govCouncilKeyC)
    Roles(govVotes, govCouncil, govTimelock, govAnyone)

    // The security council's veto: cancel whatever waits in the timelock.
    Action("cancelQueued", by: govCouncil) {
        Require(govQueued)
        Assign(govQueued, false)
        Assign(govProposalSweeps, false)
    }
    // After the delay anyone executes the queued proposal; a sweeping one empties the vault.
    Action("executeQueued", by: govAnyone) {
        Require(govQueued && now >= govQueuedAt + IntExpr(2 * day))
        Assign(govQueued, false)
        Assign(govVault, ite(govProposalSweeps, 0, govVault))
        Assign(govSwept, govSwept + ite(govProposalSweeps, govVault, 0))
        AssignAll(govStake) { a in ite(govProposalSweeps, 0, govStake[a]) }
        AllowReduction { _ in !govProposalSweeps }
    }
    // Governance hardening, itself through the timelock (and so subject to the council's veto).
    Action("raiseProposalThreshold", by: govTimelock) { ctx in
        let pct = ctx.int("pct", 1...10)
        Require(govProposalThreshold < pct)
        Assign(govProposalThreshold, pct)
    }
    UserAction("stake") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(govStake[ctx.caller] + amount <= IntExpr(1_000_000))   // modeling bound: keeps it in its declared range
        Assign(govStake[ctx.caller], govStake[ctx.caller] + amount)
        Require(govVault + amount <= IntExpr(100_000_000))   // modeling bound: keeps it in its declared range
        Assign(govVault, govVault + amount)
    }
    UserAction("unstake") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(govStake[ctx.caller] >= amount && govVault >= amount)
        Assign(govStake[ctx.caller], govStake[ctx.caller] - amount)
        Assign(govVault, govVault - amount)
    }
    Claim { a in govStake[a] }
    Invariant("the vault never goes negative", govVault >= 0)
}
