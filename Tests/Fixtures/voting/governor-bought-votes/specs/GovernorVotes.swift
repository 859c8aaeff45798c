import RecovDSL

// Issue 14, part 2 (voting power as state): Mallory's voting power is a state variable (60 at the
// trigger), counted at execution; she can buy up to 50 more votes on the market during the
// incident: 40 are enough, 100 For ≥ the For-only quorum of 100, with nobody else voting.
// Hand-worked verdicts: no-unilateral-control VIOLATED after one transition (the attacker buys votes,
// then passes a proposal alone: the shrunk trace buys 40, For 100); the honest freeze holds.

let gvFrozen = Flag("gvFrozen", initial: false)
let gvMalloryVotes = IntVar("gvMalloryVotes", 0...200, initial: 60)
let gvMarket = IntVar("gvMarket", 0...100, initial: 50)   // votes Mallory can still buy
let gvA = Entity("GV Alpha"), gvB = Entity("GV Beta"), gvC = Entity("GV Gamma")
let gvExchange = Entity("GV Exchange"), gvMallory = Entity("GV Mallory")
let gvDAO = Role.governor("gvDAO", votes: [gvA: 90, gvB: 90, gvC: 90, gvExchange: 50, gvMallory: .state(gvMalloryVotes)],
                          quorum: 100, quorumCounts: .forVotes, votingPeriod: 3 * 86_400, abstaining: [gvExchange], measuredAt: .execution)

let gvModel = Model("GovernorVotes") {
    State(gvFrozen, gvMalloryVotes, gvMarket)
    Entities(gvA, gvB, gvC, gvExchange, gvMallory)
    Roles(gvDAO)
    Action("gvFreeze", by: gvDAO) { Assign(gvFrozen, true) }
    Claim { _ in IntExpr(0) }
}

let gvIncident = Incident("GV vote capture", model: gvModel) {
    Compromised(gvMallory)
    Attack("gvBuyVotes", while: !gvFrozen) { ctx in
        let amount = ctx.int("amount", 1...100)
        Require(gvMarket >= amount && gvMalloryVotes + amount <= 200)
        Assign(gvMarket, gvMarket - amount)
        Assign(gvMalloryVotes, gvMalloryVotes + amount)
    }
}

let gvProcedure = Procedure("GVFreeze", model: gvModel, incident: gvIncident) {
    Trigger(!gvFrozen)
    Step("freeze", action: "gvFreeze", by: gvDAO, within: 4 * 86_400) { Writes(gvFrozen) }
    Containment(gvFrozen, within: 4 * 86_400)
}
