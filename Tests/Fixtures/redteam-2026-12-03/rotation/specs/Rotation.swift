import RecovDSL
// Key rotation changes who satisfies a role in the middle of the procedure.
// Entities: A, B honest, C compromised. Key ro-k1 held by A, ro-k2 by B; guardian = 2-of-2.
// The drain role is Role.key(ro-k1) (accepted unilateral): whoever holds ro-k1 may drain.
// Hand-worked:
// - ROHandover: step 1 "handover" (by guardian, at once) rotates ro-k1 to C, the attacker;
//   step 2 pauses 1h later. Before the handover the attacker cannot drain (A holds ro-k1); after it,
//   it drains 40 per call until the pause: two drains after the handover exceed the budget 50:
//   blast-radius VIOLATED (roStolen 0 -> 80), the handover before the drains in the trace.
//   The pause needs roGuardian, whose ro-k1 is now the attacker's: the honest entities can no
//   longer sign it, so the procedure is blocked at the pause: bounded-intervention VIOLATED (sanity
//   holds: blocked, not vacuous). no-unilateral-control holds (C and B are still two entities; the
//   only single-entity role is accepted). (Worked out by hand only after the first run: the
//   blocked pause was missed at first; the checker was right.)
// - ROSafe: the same, but the handover rotates ro-k1 to D (honest): the attacker never drains:
//   blast-radius and bounded-intervention hold (or proved).
let roPaused = Flag("roPaused", initial: false)
let roStolen = IntVar("roStolen", 0...1_000, initial: 0)
let roA = Entity("RO A"), roB = Entity("RO B"), roC = Entity("RO C"), roD = Entity("RO D")
let roK1 = Key("ro-k1", heldBy: roA), roK2 = Key("ro-k2", heldBy: roB)
let roGuardian = Role.multisig("roGuardian", threshold: 2, of: [roK1, roK2])
let roHolder = Role.key("roHolder", roK1).allowUnilateral("hot wallet")
let roModel = Model("Rotation") {
    State(roPaused, roStolen)
    Entities(roA, roB, roC, roD)
    Keys(roK1, roK2)
    Roles(roGuardian, roHolder)
    Action("toC", by: roGuardian) { RotateKey(roK1, to: roC) }
    Action("toD", by: roGuardian) { RotateKey(roK1, to: roD) }
    Action("pause", by: roGuardian) { Require(!roPaused); Assign(roPaused, true) }
    Action("drain", by: roHolder) { Require(!roPaused && roStolen <= 960); Assign(roStolen, roStolen + 40) }
    Claim { _ in IntExpr(0) }
}
let roIncident = Incident("RO C compromised", model: roModel) {
    Compromised(roC)
    Attack("roPoke", while: !roPaused) { Require(!roPaused) }
}
let roHandover = Procedure("ROHandover", model: roModel, incident: roIncident) {
    Trigger(!roPaused && roStolen == 0)
    Step("handover", action: "toC", by: roGuardian) { Writes(roK1) }
    Step("pause", action: "pause", by: roGuardian, after: 1 * hour) { Writes(roPaused) }
    BlastRadius(loss: roStolen, max: 50)
}
let roSafe = Procedure("ROSafe", model: roModel, incident: roIncident) {
    Trigger(!roPaused && roStolen == 0)
    Step("handover", action: "toD", by: roGuardian) { Writes(roK1) }
    Step("pause", action: "pause", by: roGuardian, after: 1 * hour) { Writes(roPaused) }
    BlastRadius(loss: roStolen, max: 50)
}
