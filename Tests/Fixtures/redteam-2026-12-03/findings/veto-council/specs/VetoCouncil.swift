import RecovDSL
// FINDING (2026-12-03), the other side of findings/veto. A veto council that needs both VC A
// (honest) and VC C (compromised) to cancel: nobody can cancel alone. Hand-worked:
// - VCAttackerOp: the attacker (holding vc-kc) queues drain through timelock(key vc-kc, 1h,
//   vetoBy: council). A alone cannot cancel it: the drain executes: blast-radius VIOLATED.
// - VCHonestStep: the honest pause through timelock(guardian A+B, 1d, vetoBy: council). C alone
//   cannot cancel it: the pause runs: bounded-intervention and containment-time hold.
// recovcheck: VCAttackerOp blast-radius PROVED, exit 0 (a wrong pass: the attacker is taken to need
// the council itself, though no honest entity can cancel); VCHonestStep blocked, VIOLATED with a
// bogus counterexample (the honest are taken to need the council, though C alone cannot cancel).
// Cause: a veto is modelled as "the coalition also satisfies vetoBy"; a veto cancels when the
// entities that would cancel (the honest ones for the attacker's operation, the attacker for an
// honest step) can satisfy it.
let vcPaused = Flag("vcPaused", initial: false)
let vcOut = IntVar("vcOut", 0...1_000, initial: 0)
let vcA = Entity("VC A"), vcB = Entity("VC B"), vcC = Entity("VC C")
let vcK1 = Key("vc-k1", heldBy: vcA), vcK2 = Key("vc-k2", heldBy: vcB), vcKC = Key("vc-kc", heldBy: vcC)
let vcVA = Key("vc-va", heldBy: vcA), vcVC = Key("vc-vc", heldBy: vcC)
let vcGuardian = Role.multisig("vcGuardian", threshold: 2, of: [vcK1, vcK2])
let vcCouncil = Role.multisig("vcCouncil", threshold: 2, of: [vcVA, vcVC])
let vcCKey = Role.key("vcCKey", vcKC)
let vcAttackerOp = Role.timelock("vcAttackerOp", role: vcCKey, minDelay: 1 * hour, vetoBy: vcCouncil).allowUnilateral("ops")
let vcAdmin = Role.timelock("vcAdmin", role: vcGuardian, minDelay: 1 * day, vetoBy: vcCouncil)
let vcModel = Model("VC") {
    State(vcPaused, vcOut)
    Entities(vcA, vcB, vcC)
    Keys(vcK1, vcK2, vcKC, vcVA, vcVC)
    Roles(vcGuardian, vcCouncil, vcCKey, vcAttackerOp, vcAdmin)
    Action("pause", by: vcGuardian) { Require(!vcPaused); Assign(vcPaused, true) }
    Action("adminPause", by: vcAdmin) { Require(!vcPaused); Assign(vcPaused, true) }
    Action("drain", by: vcAttackerOp) { Require(!vcPaused && vcOut <= 900); Assign(vcOut, vcOut + 100) }
    Claim { _ in IntExpr(0) }
}
let vcIncident = Incident("VC C compromised", model: vcModel) {
    Compromised(vcC)
    Attack("vcPoke", while: !vcPaused) { Require(!vcPaused) }
}
let vcAttackerProc = Procedure("VCAttackerOp", model: vcModel, incident: vcIncident) {
    Trigger(!vcPaused && vcOut == 0)
    Step("pause", action: "pause", by: vcGuardian, within: 1 * hour) { Writes(vcPaused) }
    BlastRadius(loss: vcOut, max: 50)
}
let vcHonestProc = Procedure("VCHonestStep", model: vcModel, incident: vcIncident) {
    Trigger(!vcPaused && vcOut == 0)
    Step("pause", action: "adminPause", by: vcAdmin, within: 2 * days) { Writes(vcPaused) }
    Containment(vcPaused, within: 2 * days)
}
