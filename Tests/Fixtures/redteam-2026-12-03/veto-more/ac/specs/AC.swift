import RecovDSL
// Counter-veto on the attacker's side. AC C compromised. The drain goes through timelock(key ac-kc (C), 1h,
// vetoBy: v); the honest cancel through v, which is itself a timelock with a veto the attacker may use.
// - ACCountered: v = timelock(key ac-va (A), 1m, vetoBy: key ac-vc (C)): the attacker cancels the honest
//   cancellation: the drain goes through: blast-radius VIOLATED.
// - ACUncountered: v = timelock(key ac-va, 1m, vetoBy: key ac-vb (B)): the attacker cannot counter: the honest
//   cancel the drain: blast-radius holds.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let acPaused = Flag("acPaused", initial: false)
let acOut = IntVar("acOut", 0...1_000, initial: 0)
let acOut2 = IntVar("acOut2", 0...1_000, initial: 0)
let acA = Entity("AC A"), acB = Entity("AC B"), acC = Entity("AC C")
let acK1 = Key("ac-k1", heldBy: acA), acK2 = Key("ac-k2", heldBy: acB), acKC = Key("ac-kc", heldBy: acC)
let acVA = Key("ac-va", heldBy: acA), acVB = Key("ac-vb", heldBy: acB), acVC = Key("ac-vc", heldBy: acC)
let acGuardian = Role.multisig("acGuardian", threshold: 2, of: [acK1, acK2])
let acCKey = Role.key("acCKey", acKC)
let acVAKey = Role.key("acVAKey", acVA), acVBKey = Role.key("acVBKey", acVB), acVCKey = Role.key("acVCKey", acVC)
let acVetoCountered = Role.timelock("acVetoCountered", role: acVAKey, minDelay: 1 * minute, vetoBy: acVCKey)
let acVetoFirm = Role.timelock("acVetoFirm", role: acVAKey, minDelay: 1 * minute, vetoBy: acVBKey)
let acOpCountered = Role.timelock("acOpCountered", role: acCKey, minDelay: 1 * hour, vetoBy: acVetoCountered)
    .allowUnilateral("ops")
let acOpFirm = Role.timelock("acOpFirm", role: acCKey, minDelay: 1 * hour, vetoBy: acVetoFirm).allowUnilateral("ops")
let acModel = Model("AC") {
    State(acPaused, acOut, acOut2)
    Entities(acA, acB, acC)
    Keys(acK1, acK2, acKC, acVA, acVB, acVC)
    Roles(acGuardian, acCKey, acVAKey, acVBKey, acVCKey, acVetoCountered, acVetoFirm, acOpCountered, acOpFirm)
    Action("pause", by: acGuardian) { Require(!acPaused); Assign(acPaused, true) }
    Action("drainCountered", by: acOpCountered) { Require(!acPaused && acOut <= 900); Assign(acOut, acOut + 100) }
    Action("drainFirm", by: acOpFirm) { Require(!acPaused && acOut2 <= 900); Assign(acOut2, acOut2 + 100) }
    Claim { _ in IntExpr(0) }
}
let acIncident = Incident("AC C compromised", model: acModel) {
    Compromised(acC)
    Attack("acPoke", while: !acPaused) { Require(!acPaused) }
}
let acP1 = Procedure("ACCountered", model: acModel, incident: acIncident) {
    Trigger(!acPaused && acOut == 0 && acOut2 == 0)
    Step("pause", action: "pause", by: acGuardian, within: 2 * days) { Writes(acPaused) }
    BlastRadius(loss: acOut, max: 50)
}
let acP2 = Procedure("ACUncountered", model: acModel, incident: acIncident) {
    Trigger(!acPaused && acOut == 0 && acOut2 == 0)
    Step("pause", action: "pause", by: acGuardian, within: 2 * days) { Writes(acPaused) }
    BlastRadius(loss: acOut2, max: 50)
}
