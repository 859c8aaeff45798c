import RecovDSL
// Who can veto changes mid-procedure. The veto key kr-vk starts with the honest KR A.
// The pause runs through krAdmin = timelock(guardian A+B, 1d, vetoBy: key kr-vk).
// - KRTakeAway: a second veto key kr-vk2 starts with KR C; krAdmin2 = timelock(guardian, 1d, vetoBy: key kr-vk2).
//   Step 1 rotates kr-vk2 to KR A, step 2 the pause through krAdmin2: the attacker no longer holds the veto:
//   holds. KRNoTakeAway: the pause through krAdmin2 without the rotation: cancelled: VIOLATED.
// - KRHandOver: step 1 rotates kr-vk to KR C; step 2 the pause: cancelled: bounded-intervention VIOLATED.
// - KRStolen: no rotation step; an attack 'steal' rotates kr-vk (held by A) to C at any time: the
//   attacker steals the veto and cancels: VIOLATED.
// - KRNoTheft: the same procedure without the attack: holds.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let krPaused = Flag("krPaused", initial: false)
let krA = Entity("KR A"), krB = Entity("KR B"), krC = Entity("KR C")
let krK1 = Key("kr-k1", heldBy: krA), krK2 = Key("kr-k2", heldBy: krB)
let krVK = Key("kr-vk", heldBy: krA), krVK2 = Key("kr-vk2", heldBy: krC)
let krGuardian = Role.multisig("krGuardian", threshold: 2, of: [krK1, krK2])
let krVeto = Role.key("krVeto", krVK)
let krAdmin = Role.timelock("krAdmin", role: krGuardian, minDelay: 1 * day, vetoBy: krVeto)
let krVeto2 = Role.key("krVeto2", krVK2)
let krAdmin2 = Role.timelock("krAdmin2", role: krGuardian, minDelay: 1 * day, vetoBy: krVeto2)
let krModel = Model("KR") {
    State(krPaused)
    Entities(krA, krB, krC)
    Keys(krK1, krK2, krVK, krVK2)
    Roles(krGuardian, krVeto, krAdmin, krVeto2, krAdmin2)
    Action("toA", by: krGuardian) { RotateKey(krVK, to: krA) }
    Action("toC", by: krGuardian) { RotateKey(krVK, to: krC) }
    Action("pause", by: krAdmin) { Require(!krPaused); Assign(krPaused, true) }
    Action("vk2ToA", by: krGuardian) { RotateKey(krVK2, to: krA) }
    Action("pause2", by: krAdmin2) { Require(!krPaused); Assign(krPaused, true) }
    Claim { _ in IntExpr(0) }
}
let krIncident = Incident("KR C compromised", model: krModel) {
    Compromised(krC)
    Attack("krPoke", while: !krPaused) { Require(!krPaused) }
}
let krTheft = Incident("KR veto key theft", model: krModel) {
    Compromised(krC)
    Attack("steal", while: !krPaused) { RotateKey(krVK, to: krC) }
}
let krHandOver = Procedure("KRHandOver", model: krModel, incident: krIncident) {
    Trigger(!krPaused)
    Step("rotate", action: "toC", by: krGuardian, within: 1 * hour) { Writes(krVK) }
    Step("pause", action: "pause", by: krAdmin, within: 2 * days) { Writes(krPaused) }
}
let krTakeAway = Procedure("KRTakeAway", model: krModel, incident: krIncident) {
    Trigger(!krPaused)
    Step("rotate", action: "vk2ToA", by: krGuardian, within: 1 * hour) { Writes(krVK2) }
    Step("pause", action: "pause2", by: krAdmin2, within: 2 * days) { Writes(krPaused) }
}
let krNoTakeAway = Procedure("KRNoTakeAway", model: krModel, incident: krIncident) {
    Trigger(!krPaused)
    Step("pause", action: "pause2", by: krAdmin2, within: 2 * days) { Writes(krPaused) }
}
let krStolen = Procedure("KRStolen", model: krModel, incident: krTheft) {
    Trigger(!krPaused)
    Step("pause", action: "pause", by: krAdmin, within: 2 * days) { Writes(krPaused) }
}
let krNoTheft = Procedure("KRNoTheft", model: krModel, incident: krIncident) {
    Trigger(!krPaused)
    Step("pause", action: "pause", by: krAdmin, within: 2 * days) { Writes(krPaused) }
}
