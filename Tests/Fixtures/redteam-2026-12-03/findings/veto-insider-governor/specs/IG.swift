import RecovDSL
// FINDING (2026-12-03, veto semantics of 802d3b6): a governor veto ignores the votes of the coalition
// whose operation it would cancel, unless that coalition is the attacker.
// Insider IG A queues a drain through igAOp = timelock(key ig-ka held by IG A, 1h, vetoBy: igGov),
// igGov = governor IG A 60, IG B 40, quorum 10. The honest IG B proposes the cancel: For 40; IG A
// votes Against with 60: 40 > 60 fails: not cancelled: the drain runs. Hand-worked:
// IGInsider: blast-radius VIOLATED; no-unilateral-control (coalition {IG A}) VIOLATED.
// recovcheck before the fix: both PROVED, exit 0 (a wrong pass). With `opposing: [igA]` on igGov both are VIOLATED.
// Cause: AuthorityRules.tally counts Against only the compromised entities and the declared
// `opposing`; for the cancellation of an insider's (or a coalition under test's) operation the
// coalition itself is the cancellation's opponent and votes Against, as the attacker does.
let igPaused = Flag("igPaused", initial: false)
let igOut = IntVar("igOut", 0...1_000, initial: 0)
let igA = Entity("IG A"), igB = Entity("IG B")
let igKA = Key("ig-ka", heldBy: igA), igKB = Key("ig-kb", heldBy: igB)
let igGuardian = Role.multisig("igGuardian", threshold: 2, of: [igKA, igKB])
let igGov = Role.governor("igGov", votes: [igA: 60, igB: 40], quorum: 10)
let igAKey = Role.key("igAKey", igKA)
let igAOp = Role.timelock("igAOp", role: igAKey, minDelay: 1 * hour, vetoBy: igGov)
let igModel = Model("IG") {
    State(igPaused, igOut)
    Entities(igA, igB)
    Keys(igKA, igKB)
    Roles(igGuardian, igGov, igAKey, igAOp)
    Action("pause", by: igGuardian) { Require(!igPaused); Assign(igPaused, true) }
    Action("drain", by: igAOp) { Require(!igPaused && igOut <= 900); Assign(igOut, igOut + 100) }
    Claim { _ in IntExpr(0) }
}
let igIncident = Incident("IG insider A", model: igModel) {
    Insider(igA)
    Attack("igPoke", while: !igPaused) { Require(!igPaused) }
}
let igProc = Procedure("IGInsider", model: igModel, incident: igIncident) {
    Trigger(!igPaused && igOut == 0)
    Step("pause", action: "pause", by: igGuardian, within: 2 * days) { Writes(igPaused) }
    BlastRadius(loss: igOut, max: 50)
}
