import RecovDSL

// Compound, Proposal 062, September 2021 (historical design — expected to FAIL).
// Facts encoded (Compound forum "Proposal 062 bug" threads and Robert Leshner's posts, 2021-09-30;
// Compound GovernorBravo and Timelock contracts):
// - a faulty Comptroller upgrade (Proposal 062) could pay out up to 280,000 excess COMP;
// - there was no admin switch to stop COMP distribution: any change needed a governance proposal
//   (voting delay ~2 days, voting period ~3 days) and then the Timelock (minimum delay 2 days,
//   maximum 30 days, grace period 14 days) — about 7 days in all;
// - quorum 400,000 COMP of 10M (4%). We require a majority of all delegated power (the semantics
//   measures power against all power, not votes cast). Delegate groups are generic.
// Expected: containment-time violated against a 1-day budget (the governance path needs ~7 days).

let compound062ExcessPaid = IntVar("compound062ExcessPaid", 0...280_000, initial: 0)
let compound062Fixed = Flag("compound062Fixed", initial: false)
let compound062FixPassed = Flag("compound062FixPassed", initial: false)
let compound062Supplied = AccountMap("compound062Supplied", 0...1_000_000)

let compound062DelegatesA = Entity("COMP delegates A")
let compound062DelegatesB = Entity("COMP delegates B")
let compound062DelegatesC = Entity("COMP delegates C")
let compound062DelegatesD = Entity("COMP delegates D")

let compound062Governance = Role.governance("compoundGovernorBravo",
    powers: [compound062DelegatesA: 30, compound062DelegatesB: 25, compound062DelegatesC: 25, compound062DelegatesD: 20],
    supermajority: Fraction(1, 2), quorum: Fraction(4, 100), measuredAt: .snapshot)
let compound062Timelock = Role.timelock("compoundTimelock", role: compound062Governance,
                                        minDelay: 2 * day, grace: 14 * day)

let compound062Model = Model("CompoundProposal062") {
    State(compound062ExcessPaid, compound062Fixed, compound062FixPassed, compound062Supplied)
    Entities(compound062DelegatesA, compound062DelegatesB, compound062DelegatesC, compound062DelegatesD)
    Roles(compound062Governance, compound062Timelock)

    Action("passFixProposal", by: compound062Governance) {
        Assign(compound062FixPassed, true)
    }
    Action("executeFix", by: compound062Timelock) {
        Require(compound062FixPassed)
        Assign(compound062Fixed, true)
    }
    UserAction("redeem") { ctx in
        let amount = ctx.int("amount", 1...1_000_000)
        Require(compound062Supplied[ctx.caller] >= amount)
        Assign(compound062Supplied[ctx.caller], compound062Supplied[ctx.caller] - amount)
    }
    Claim { a in compound062Supplied[a] }
}

let compound062Bug = Incident("CompoundFaultyDistribution", model: compound062Model) {
    Attack("claimExcessComp", while: !compound062Fixed) { ctx in
        let amount = ctx.int("amount", 1...280_000)
        Require(compound062ExcessPaid + amount <= 280_000)
        Assign(compound062ExcessPaid, compound062ExcessPaid + amount)
    }
}

let compound062GovernanceFix = Procedure("Compound062GovernanceFix", model: compound062Model, incident: compound062Bug) {
    Trigger(!compound062Fixed)
    Step("passProposal", action: "passFixProposal", by: compound062Governance, after: 5 * day, within: 5 * day) {
        Writes(compound062FixPassed)
    }
    Step("executeFix", action: "executeFix", by: compound062Timelock, after: 2 * day, within: 2 * day) {   // executed as soon as the Timelock allows
        Writes(compound062Fixed)
    }
    Containment(compound062Fixed, within: 1 * day)
}
