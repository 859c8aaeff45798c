import RecovDSL
// FINDING (2026-12-03): a veto the attacker can exercise alone does not block the honest step.
// The pause goes through timelock(guardian 2-of-2 of A and B, 1d, vetoBy: v); C is compromised.
// Whoever satisfies v can cancel the queued pause, so when the attacker alone satisfies v it
// cancels it and the procedure is blocked. Hand-worked:
// - VOAnyOf   (v = 1-of-3 multisig, one key each for A, B, C): C cancels alone: blocked,
//   bounded-intervention and containment-time VIOLATED. recovcheck before the fix: PROVED, exit 0 (wrong).
// - VOAnyone  (v = Role.anyone): anyone, the attacker included, cancels: VIOLATED.
//   recovcheck before the fix: PROVED (wrong).
// - VOGovernor (v = governor A 50, B 50, C 30, quorum 20): C's cancel proposal gets For 30; A and
//   B, whose pause it cancels, vote Against with 100 (a cancellation is contested, docs/semantics.md):
//   it fails, the pause runs, both rules hold (first worked out with the honest not voting: VIOLATED).
// - VOKey (control, v = key held by C): VIOLATED (recovcheck agrees: the honest cannot satisfy v).
// - VOHonest (control, v = 2-of-2 of A and B): the attacker cannot cancel: holds (agrees).
// Cause: AuthorityRules.satisfies / SymbolicAuthority.satisfies model a veto only as "the
// coalition must also satisfy v"; for an honest step nothing asks whether the attacker satisfies v.
let voPaused = Flag("voPaused", initial: false)
let voA = Entity("VO A"), voB = Entity("VO B"), voC = Entity("VO C")
let voK1 = Key("vo-k1", heldBy: voA), voK2 = Key("vo-k2", heldBy: voB)
let voV1 = Key("vo-v1", heldBy: voA), voV2 = Key("vo-v2", heldBy: voB), voV3 = Key("vo-v3", heldBy: voC)
let voGuardian = Role.multisig("voGuardian", threshold: 2, of: [voK1, voK2])
let voAnyOf = Role.multisig("voAnyOf", threshold: 1, of: [voV1, voV2, voV3])
let voOpen = Role.anyone("voOpen")
let voVoters = Role.governor("voVoters", votes: [voA: 50, voB: 50, voC: 30], quorum: 20)
let voCKey = Role.key("voCKey", voV3)
let voHonest = Role.multisig("voHonest", threshold: 2, of: [voV1, voV2])
let voAdminAnyOf = Role.timelock("voAdminAnyOf", role: voGuardian, minDelay: 1 * day, vetoBy: voAnyOf)
let voAdminOpen = Role.timelock("voAdminOpen", role: voGuardian, minDelay: 1 * day, vetoBy: voOpen)
let voAdminVoters = Role.timelock("voAdminVoters", role: voGuardian, minDelay: 1 * day, vetoBy: voVoters)
let voAdminCKey = Role.timelock("voAdminCKey", role: voGuardian, minDelay: 1 * day, vetoBy: voCKey)
let voAdminHonest = Role.timelock("voAdminHonest", role: voGuardian, minDelay: 1 * day, vetoBy: voHonest)
let voModel = Model("VetoByAttacker") {
    State(voPaused)
    Entities(voA, voB, voC)
    Keys(voK1, voK2, voV1, voV2, voV3)
    Roles(voGuardian, voAnyOf, voOpen, voVoters, voCKey, voHonest, voAdminAnyOf, voAdminOpen, voAdminVoters,
          voAdminCKey, voAdminHonest)
    Action("pauseAnyOf", by: voAdminAnyOf) { Require(!voPaused); Assign(voPaused, true) }
    Action("pauseOpen", by: voAdminOpen) { Require(!voPaused); Assign(voPaused, true) }
    Action("pauseVoters", by: voAdminVoters) { Require(!voPaused); Assign(voPaused, true) }
    Action("pauseCKey", by: voAdminCKey) { Require(!voPaused); Assign(voPaused, true) }
    Action("pauseHonest", by: voAdminHonest) { Require(!voPaused); Assign(voPaused, true) }
    Claim { _ in IntExpr(0) }
}
let voIncident = Incident("VO C compromised", model: voModel) {
    Compromised(voC)
    Attack("voPoke", while: !voPaused) { Require(!voPaused) }
}
func voProcedure(_ name: String, _ action: String, _ role: Role, file: String = #filePath, line: Int = #line)
    -> Procedure
{
    Procedure(name, model: voModel, incident: voIncident, file: file, line: line) {
        Trigger(!voPaused)
        Step("pause", action: action, by: role, within: 2 * days) { Writes(voPaused) }
        Containment(voPaused, within: 2 * days)
    }
}
let voAnyOfProc = voProcedure("VOAnyOf", "pauseAnyOf", voAdminAnyOf)
let voOpenProc = voProcedure("VOAnyone", "pauseOpen", voAdminOpen)
let voVotersProc = voProcedure("VOGovernor", "pauseVoters", voAdminVoters)
let voCKeyProc = voProcedure("VOKey", "pauseCKey", voAdminCKey)
let voHonestProc = voProcedure("VOHonest", "pauseHonest", voAdminHonest)
