import RecovDSL
// `vetoBy: anyone`, nothing compromised. vaAOp = timelock(key va-ka (VA A), 1d, vetoBy: anyone): the honest
// outside {VA A} cancel: VA A does not control it alone. vaAdmin = timelock(guardian A+B, 1d, vetoBy:
// anyone): the attacker (open roles) cancels the honest pause.
// - VAOpen: no-unilateral-control holds; bounded-intervention and containment-time VIOLATED.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let vaPaused = Flag("vaPaused", initial: false)
let vaA = Entity("VA A"), vaB = Entity("VA B")
let vaK1 = Key("va-k1", heldBy: vaA), vaK2 = Key("va-k2", heldBy: vaB), vaKA = Key("va-ka", heldBy: vaA)
let vaGuardian = Role.multisig("vaGuardian", threshold: 2, of: [vaK1, vaK2])
let vaAKey = Role.key("vaAKey", vaKA)
let vaOpen = Role.anyone("vaOpen")
let vaAOp = Role.timelock("vaAOp", role: vaAKey, minDelay: 1 * day, vetoBy: vaOpen)
let vaAdmin = Role.timelock("vaAdmin", role: vaGuardian, minDelay: 1 * day, vetoBy: vaOpen)
let vaModel = Model("VA") {
    State(vaPaused)
    Entities(vaA, vaB)
    Keys(vaK1, vaK2, vaKA)
    Roles(vaGuardian, vaAKey, vaOpen, vaAOp, vaAdmin)
    Action("pause", by: vaAdmin) { Require(!vaPaused); Assign(vaPaused, true) }
    Action("sweep", by: vaAOp) { Require(!vaPaused) }
    Claim { _ in IntExpr(0) }
}
let vaIncident = Incident("VA open veto", model: vaModel) {
    Attack("vaPoke", while: !vaPaused) { Require(!vaPaused) }
}
let vaProc = Procedure("VAOpen", model: vaModel, incident: vaIncident) {
    Trigger(!vaPaused)
    Step("pause", action: "pause", by: vaAdmin, within: 2 * days) { Writes(vaPaused) }
    Containment(vaPaused, within: 2 * days)
}
