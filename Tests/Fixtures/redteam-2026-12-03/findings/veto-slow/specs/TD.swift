import RecovDSL
// FINDING (2026-12-03, veto semantics of 802d3b6): the veto role's own delay is ignored. A cancellation
// through a veto role that is a timelock (or a governor with a voting period) takes that delay; when
// it is longer than the operation's, the operation executes first.
// tdAttackerOp = timelock(key td-kc (TD C, compromised), 1h, vetoBy: tdSlowVeto = timelock(key td-va
// (TD A), 1d)); tdAttackerGovOp = timelock(key td-kc, 1h, vetoBy: governor A 100, B 100, quorum 10,
// votingPeriod 3d). Hand-worked:
// - TDAttacker, TDGovVeto: the honest cancellation lands 1d / 3d after the drain was queued, the drain
//   runs 1h after: blast-radius VIOLATED. recovcheck: PROVED (wrong pass).
// - TDHonest: the pause through timelock(guardian A+B, 1h, vetoBy: timelock(key td-kc, 1d)): the
//   attacker's cancellation lands 1d after, the pause runs at 1h: containment-time (2h) and
//   bounded-intervention hold. recovcheck: VIOLATED, "the attacker cancels it through veto role
//   'tdSlowC'" (bogus counterexample).
// docs/semantics.md: "The veto role does not add a delay (it cancels, it does not queue)".
let tdPaused = Flag("tdPaused", initial: false)
let tdOut = IntVar("tdOut", 0...1_000, initial: 0)
let tdA = Entity("TD A"), tdB = Entity("TD B"), tdC = Entity("TD C")
let tdK1 = Key("td-k1", heldBy: tdA), tdK2 = Key("td-k2", heldBy: tdB), tdKC = Key("td-kc", heldBy: tdC)
let tdVA = Key("td-va", heldBy: tdA)
let tdGuardian = Role.multisig("tdGuardian", threshold: 2, of: [tdK1, tdK2])
let tdVAKey = Role.key("tdVAKey", tdVA)
let tdCKey = Role.key("tdCKey", tdKC)
let tdSlowVeto = Role.timelock("tdSlowVeto", role: tdVAKey, minDelay: 1 * day)
let tdSlowC = Role.timelock("tdSlowC", role: tdCKey, minDelay: 1 * day)
let tdAttackerOp = Role.timelock("tdAttackerOp", role: tdCKey, minDelay: 1 * hour, vetoBy: tdSlowVeto).allowUnilateral("ops")
let tdHonestOp = Role.timelock("tdHonestOp", role: tdGuardian, minDelay: 1 * hour, vetoBy: tdSlowC)
let tdGovVeto = Role.governor("tdGovVeto", votes: [tdA: 100, tdB: 100], quorum: 10, votingPeriod: 3 * days)
let tdAttackerGovOp = Role.timelock("tdAttackerGovOp", role: tdCKey, minDelay: 1 * hour, vetoBy: tdGovVeto).allowUnilateral("ops")
let tdModel = Model("TD") {
    State(tdPaused, tdOut)
    Entities(tdA, tdB, tdC)
    Keys(tdK1, tdK2, tdKC, tdVA)
    Roles(tdGuardian, tdVAKey, tdCKey, tdSlowVeto, tdSlowC, tdAttackerOp, tdHonestOp, tdGovVeto, tdAttackerGovOp)
    Action("pause", by: tdGuardian) { Require(!tdPaused); Assign(tdPaused, true) }
    Action("slowPause", by: tdHonestOp) { Require(!tdPaused); Assign(tdPaused, true) }
    Action("drain", by: tdAttackerOp) { Require(!tdPaused && tdOut <= 900); Assign(tdOut, tdOut + 100) }
    Action("drainGov", by: tdAttackerGovOp) { Require(!tdPaused && tdOut <= 900); Assign(tdOut, tdOut + 100) }
    Claim { _ in IntExpr(0) }
}
let tdIncident = Incident("TD C compromised", model: tdModel) {
    Compromised(tdC)
    Attack("tdPoke", while: !tdPaused) { Require(!tdPaused) }
}
let tdAttacker = Procedure("TDAttacker", model: tdModel, incident: tdIncident) {
    Trigger(!tdPaused && tdOut == 0)
    Step("pause", action: "pause", by: tdGuardian, within: 2 * days) { Writes(tdPaused) }
    BlastRadius(loss: tdOut, max: 50)
}
let tdHonest = Procedure("TDHonest", model: tdModel, incident: tdIncident) {
    Trigger(!tdPaused && tdOut == 0)
    Step("pause", action: "slowPause", by: tdHonestOp, within: 2 * hours) { Writes(tdPaused) }
    Containment(tdPaused, within: 2 * hours)
}
let tdGov = Procedure("TDGovVeto", model: tdModel, incident: tdIncident) {
    Trigger(!tdPaused && tdOut == 0)
    Step("pause", action: "pause", by: tdGuardian, within: 2 * days) { Writes(tdPaused) }
    BlastRadius(loss: tdOut, max: 50)
}
