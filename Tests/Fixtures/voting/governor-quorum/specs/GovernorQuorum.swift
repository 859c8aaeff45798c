import RecovDSL

// Issue 14, part 1, the fix: the quorum is 400 of 1,000 votes, more than any single holder.
// Mallory (50) cannot reach it alone even when nobody else votes, nor can the Whale (350).
// Hand-worked verdicts: no-unilateral-control holds; blast-radius holds (the attacker never
// satisfies glAdmin, so glStolen stays 0); bounded-intervention and containment-time hold (the
// honest For 950 reaches the quorum and beats Mallory's 50 Against, after the 4-day vote).

let glFrozen = Flag("glFrozen", initial: false)
let glTreasury = IntVar("glTreasury", 0...1_000, initial: 1_000)
let glStolen = IntVar("glStolen", 0...1_000, initial: 0)
let glWhale = Entity("GL Whale"), glFund = Entity("GL Fund"), glCommunity = Entity("GL Community")
let glMallory = Entity("GL Mallory")
let glDAO = Role.governor("glDAO", votes: [glWhale: 350, glFund: 300, glCommunity: 300, glMallory: 50],
                          quorum: 400, proposalThreshold: 10, votingDelay: 86_400, votingPeriod: 3 * 86_400)
let glAdmin = Role.timelock("glAdmin", role: glDAO, minDelay: 2 * 86_400)

let glModel = Model("GovernorLowTurnout") {
    State(glFrozen, glTreasury, glStolen)
    Entities(glWhale, glFund, glCommunity, glMallory)
    Roles(glDAO, glAdmin)
    Action("glFreeze", by: glDAO) { Assign(glFrozen, true) }
    Action("glSweep", by: glAdmin) {
        Require(!glFrozen && glTreasury > 0)
        Assign(glStolen, glStolen + glTreasury)
        Assign(glTreasury, 0)
    }
    Claim { _ in IntExpr(0) }
}

let glIncident = Incident("GL proposal by a small holder", model: glModel) {
    Compromised(glMallory)
}

let glProcedure = Procedure("GLFreeze", model: glModel, incident: glIncident) {
    Trigger(!glFrozen)
    Step("freeze", action: "glFreeze", by: glDAO, within: 5 * 86_400) { Writes(glFrozen) }
    Containment(glFrozen, within: 5 * 86_400)
    BlastRadius(loss: glStolen, max: 0)
}
