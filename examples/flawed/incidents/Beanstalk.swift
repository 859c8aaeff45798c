import RecovDSL

// Beanstalk, April 2022 (historical design — expected to FAIL).
// Facts encoded (Beanstalk Farms, "Beanstalk Governance Exploit" post-mortem, 2022-04-17/18,
// and the GovernanceFacet of the Beanstalk diamond):
// - a normal BIP passes with 1/2 of voting power (Stalk) after 7 days;
// - `emergencyCommit` executes a BIP at least 1 day old with 2/3 of the voting power measured
//   *at execution*, and a BIP may run arbitrary code (it can write anything);
// - the attacker flash-borrowed enough to hold ~79% of the voting power inside one transaction
//   and emergency-committed BIP-18 at once, draining the Silo: $182M lost.
// Voting power is in units where existing Stalk is 21 and the flash loan adds 79 (79% of 100).
// The holders of existing Stalk are grouped generically. Amounts in $M.
// Expected: no-unilateral-control violated (borrowed power lets one entity act alone) and
// bounded-intervention violated (the emergency path used to pause also writes the Silo).

let beanPaused = Flag("beanPaused", initial: false)
let beanSiloAssets = IntVar("beanSiloAssets", 0...300)
let beanCodeReplaced = Flag("beanCodeReplaced", initial: false)
let beanProposalCreated = IntVar("beanProposalCreated", 0...1_000_000_000)
let beanDeposits = AccountMap("beanDeposits", 0...1_000)

let beanFounders = Entity("Beanstalk founders (Publius)")
let beanLargeFarmers = Entity("Large Stalk holders")
let beanSmallFarmers = Entity("Small Stalk holders")

let beanMajority = Role.governance("beanMajority", powers: [beanFounders: 5, beanLargeFarmers: 8, beanSmallFarmers: 8],
                                   supermajority: Fraction(1, 2), quorum: Fraction(1, 2), measuredAt: .execution)
let beanCommit = Role.timelock("beanCommit", role: beanMajority, minDelay: 7 * day)
let beanEmergency = Role.governance("beanEmergency", powers: [beanFounders: 5, beanLargeFarmers: 8, beanSmallFarmers: 8],
                                    supermajority: Fraction(2, 3), quorum: Fraction(2, 3), measuredAt: .execution)

let beanstalkV1 = Model("BeanstalkV1") {
    State(beanPaused, beanSiloAssets, beanCodeReplaced, beanProposalCreated, beanDeposits)
    Entities(beanFounders, beanLargeFarmers, beanSmallFarmers)
    Roles(beanMajority, beanCommit, beanEmergency)

    // A BIP is arbitrary code: model it as free new values for the protocol's state.
    Action("commit", by: beanCommit) { ctx in
        let newPaused = ctx.bool("newPaused")
        let newSiloAssets = ctx.int("newSiloAssets", 0...300)
        let newCode = ctx.bool("newCode")
        Assign(beanPaused, newPaused)
        Assign(beanSiloAssets, newSiloAssets)
        Assign(beanCodeReplaced, newCode)
    }
    Action("emergencyCommit", by: beanEmergency) { ctx in
        let newPaused = ctx.bool("newPaused")
        let newSiloAssets = ctx.int("newSiloAssets", 0...300)
        let newCode = ctx.bool("newCode")
        Require(now >= beanProposalCreated + IntExpr(day))
        Assign(beanPaused, newPaused)
        Assign(beanSiloAssets, newSiloAssets)
        Assign(beanCodeReplaced, newCode)
    }
    UserAction("withdraw") { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(!beanPaused && beanDeposits[ctx.caller] >= amount)
        Assign(beanDeposits[ctx.caller], beanDeposits[ctx.caller] - amount)
    }
    Claim { a in beanDeposits[a] }
}

let beanFlashLoan = Incident("BeanstalkFlashLoanGovernance", model: beanstalkV1) {
    BorrowableVotingPower(beanEmergency, 79)
    BorrowableVotingPower(beanMajority, 79)
}

// The emergency response available in this design: an emergency BIP that pauses.
let beanEmergencyPause = Procedure("BeanstalkV1EmergencyPause", model: beanstalkV1, incident: beanFlashLoan) {
    Trigger(!beanPaused && beanProposalCreated + IntExpr(day) <= now)
    Step("emergencyPause", action: "emergencyCommit", by: beanEmergency, within: 1 * day, args: ["newPaused": true]) {
        Writes(beanPaused)
    }
}
