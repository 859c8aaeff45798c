import RecovDSL
// Borrowed voting power through a nested role, with nothing compromised: the drain role is
// allOf([timelock(dao, 1d), anyone]), dao = governance A 45, B 45, C 10 (100), supermajority 1/2,
// measured at execution. Borrowed power counts in the coalition and in the total (AuthorityRules):
// the attacker alone (no entity) passes with x borrowed when 2x >= 100 + x, i.e. x >= 100.
// Hand-worked:
// - BWHundred (borrowable 100): the attacker satisfies dao, the timelock does not stop it (power at
//   execution, its own moves wait for no delay), anyone is satisfied: it drains 30 per call before
//   the 10-minute pause; two calls exceed the budget 50: blast-radius VIOLATED (bwStolen 0 -> 60).
//   no-unilateral-control VIOLATED (a coalition of no entity, with borrowed power, satisfies bwOuter).
// - BWNinetyNine (borrowable 99): 198 < 199: the attacker never drains: blast-radius holds (or
//   proved); no entity alone reaches half (A 45 < 50): no-unilateral-control holds (or proved).
let bwPaused = Flag("bwPaused", initial: false)
let bwStolen = IntVar("bwStolen", 0...1_000, initial: 0)
let bwA = Entity("BW A"), bwB = Entity("BW B"), bwC = Entity("BW C")
let bwK1 = Key("bw-k1", heldBy: bwA), bwK2 = Key("bw-k2", heldBy: bwB)
let bwGuardian = Role.multisig("bwGuardian", threshold: 2, of: [bwK1, bwK2])
let bwDao = Role.governance("bwDao", powers: [bwA: 45, bwB: 45, bwC: 10], supermajority: Fraction(1, 2),
                            measuredAt: .execution)
let bwQueued = Role.timelock("bwQueued", role: bwDao, minDelay: 1 * day)
let bwOpen = Role.anyone("bwOpen")
let bwOuter = Role.allOf("bwOuter", [bwQueued, bwOpen])
let bwModel = Model("Borrowed") {
    State(bwPaused, bwStolen)
    Entities(bwA, bwB, bwC)
    Keys(bwK1, bwK2)
    Roles(bwGuardian, bwDao, bwQueued, bwOpen, bwOuter)
    Action("pause", by: bwGuardian) { Require(!bwPaused); Assign(bwPaused, true) }
    Action("drain", by: bwOuter) { Require(!bwPaused && bwStolen <= 900); Assign(bwStolen, bwStolen + 30) }
    Claim { _ in IntExpr(0) }
}
let bwHundredIncident = Incident("BW flash loan 100", model: bwModel) {
    Attack("bwPoke", while: !bwPaused) { Require(!bwPaused) }
    BorrowableVotingPower(bwDao, 100)
}
let bwNinetyNineIncident = Incident("BW flash loan 99", model: bwModel) {
    Attack("bwPoke", while: !bwPaused) { Require(!bwPaused) }
    BorrowableVotingPower(bwDao, 99)
}
let bwHundred = Procedure("BWHundred", model: bwModel, incident: bwHundredIncident) {
    Trigger(!bwPaused && bwStolen == 0)
    Step("pause", action: "pause", by: bwGuardian, within: 600) { Writes(bwPaused) }
    BlastRadius(loss: bwStolen, max: 50)
}
let bwNinetyNine = Procedure("BWNinetyNine", model: bwModel, incident: bwNinetyNineIncident) {
    Trigger(!bwPaused && bwStolen == 0)
    Step("pause", action: "pause", by: bwGuardian, within: 600) { Writes(bwPaused) }
    BlastRadius(loss: bwStolen, max: 50)
}
