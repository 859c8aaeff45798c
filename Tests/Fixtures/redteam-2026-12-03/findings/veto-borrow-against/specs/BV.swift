import RecovDSL
// FINDING (2026-12-03, veto semantics of 802d3b6): borrowed voting power counts for the attacker's
// cancellations but not against the honest ones.
// The honest cancel the attacker's drain through a governor veto; the attacker borrows voting power
// (measured at execution) and votes Against the cancellation. bvGov = governor BV A 50, BV C 10
// (compromised), quorum 10, at execution; borrowable 100. Honest cancel: For 50, Against 10 + 100
// borrowed = 110: fails: the drain goes through. Hand-worked: BVGovernor blast-radius VIOLATED.
// recovcheck before the fix: PROVED, exit 0 (a wrong pass). Cause: the cancellation is checked with
// attacker: false, so AuthorityRules.tally/borrowed add nothing to Against (and for a governance
// veto nothing to the total, though the attacker's own governance moves count borrowed power in it).
let bvPaused = Flag("bvPaused", initial: false)
let bvOut = IntVar("bvOut", 0...1_000, initial: 0)
let bvA = Entity("BV A"), bvB = Entity("BV B"), bvC = Entity("BV C")
let bvK1 = Key("bv-k1", heldBy: bvA), bvK2 = Key("bv-k2", heldBy: bvB), bvKC = Key("bv-kc", heldBy: bvC)
let bvGuardian = Role.multisig("bvGuardian", threshold: 2, of: [bvK1, bvK2])
let bvGov = Role.governor("bvGov", votes: [bvA: 50, bvC: 10], quorum: 10, measuredAt: .execution)
let bvCKey = Role.key("bvCKey", bvKC)
let bvCOp = Role.timelock("bvCOp", role: bvCKey, minDelay: 1 * hour, vetoBy: bvGov).allowUnilateral("ops")
let bvModel = Model("BV") {
    State(bvPaused, bvOut)
    Entities(bvA, bvB, bvC)
    Keys(bvK1, bvK2, bvKC)
    Roles(bvGuardian, bvGov, bvCKey, bvCOp)
    Action("pause", by: bvGuardian) { Require(!bvPaused); Assign(bvPaused, true) }
    Action("drain", by: bvCOp) { Require(!bvPaused && bvOut <= 900); Assign(bvOut, bvOut + 100) }
    Claim { _ in IntExpr(0) }
}
let bvIncident = Incident("BV C compromised, flash loan", model: bvModel) {
    Compromised(bvC)
    Attack("bvPoke", while: !bvPaused) { Require(!bvPaused) }
    BorrowableVotingPower(bvGov, 100)
}
let bvProc = Procedure("BVGovernor", model: bvModel, incident: bvIncident) {
    Trigger(!bvPaused && bvOut == 0)
    Step("pause", action: "pause", by: bvGuardian, within: 2 * days) { Writes(bvPaused) }
    BlastRadius(loss: bvOut, max: 50)
}
