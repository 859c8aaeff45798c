import RecovDSL
// Issue 9 classes 5 and 6, held-out forms. Every procedure here must end in an error (exit 2),
// with `--rule X` for any X too (sanity always runs):
// - VNoInit: the model's Assume(vaCash >= 60) contradicts vaCash's range 0...50: no initial state.
// - VNeverLive: attack vaSteal is live only while vaCash > 50, impossible in 0...50 (never fires).
// - VAlreadyContained: Containment(vaCash <= 50) is true in every state, so at the trigger.
// - VRuledOut: the incident's Assume(vaFrozen) rules the attack vaSiphon (guard !vaFrozen) out;
//   vaFrozen is never written: the attack never fires, and the message names the assumption.
let vaPaused = Flag("vaPaused", initial: false)
let vaFrozen = Flag("vaFrozen")
let vaCash = IntVar("vaCash", 0...50)
let vaA = Entity("VA A"), vaB = Entity("VA B")
let vaK1 = Key("va-k1", heldBy: vaA), vaK2 = Key("va-k2", heldBy: vaB)
let vaGuardian = Role.multisig("vaGuardian", threshold: 2, of: [vaK1, vaK2])
let vaModel = Model("Vacuous") {
    State(vaPaused, vaFrozen, vaCash)
    Entities(vaA, vaB)
    Keys(vaK1, vaK2)
    Roles(vaGuardian)
    Action("vaPause", by: vaGuardian) { Require(!vaPaused); Assign(vaPaused, true) }
    Claim { _ in vaCash }
}
let vaModelNoInit = Model("VacuousNoInit") {
    State(vaPaused, vaFrozen, vaCash)
    Entities(vaA, vaB)
    Keys(vaK1, vaK2)
    Roles(vaGuardian)
    Action("vaPause", by: vaGuardian) { Require(!vaPaused); Assign(vaPaused, true) }
    Claim { _ in vaCash }
    Assume("rich", vaCash >= 60)
}
let vaLive = Incident("VA live", model: vaModel) {
    Attack("vaDrain", while: !vaPaused) { Require(vaCash > 0); Assign(vaCash, vaCash - 1) }
}
let vaLiveNoInit = Incident("VA live no init", model: vaModelNoInit) {
    Attack("vaDrain", while: !vaPaused) { Require(vaCash > 0); Assign(vaCash, vaCash - 1) }
}
let vaNever = Incident("VA never", model: vaModel) {
    Attack("vaSteal", while: vaCash > 50) { Assign(vaCash, 0) }
}
let vaRuled = Incident("VA ruled out", model: vaModel) {
    Assume("frozen", vaFrozen)
    Attack("vaSiphon", while: true) { Require(!vaFrozen && vaCash > 0); Assign(vaCash, vaCash - 1) }
}
let vNoInit = Procedure("VNoInit", model: vaModelNoInit, incident: vaLiveNoInit) {
    Trigger(!vaPaused)
    Step("pause", action: "vaPause", by: vaGuardian, within: 600) { Writes(vaPaused) }
    Containment(vaPaused, within: 1 * hour)
    BlastRadius(loss: 0 - vaCash, max: 0)
}
let vNeverLive = Procedure("VNeverLive", model: vaModel, incident: vaNever) {
    Trigger(!vaPaused)
    Step("pause", action: "vaPause", by: vaGuardian, within: 600) { Writes(vaPaused) }
    Containment(vaPaused, within: 1 * hour)
}
let vAlreadyContained = Procedure("VAlreadyContained", model: vaModel, incident: vaLive) {
    Trigger(!vaPaused)
    Step("pause", action: "vaPause", by: vaGuardian, within: 600) { Writes(vaPaused) }
    Containment(vaCash <= 50, within: 1 * hour)
}
let vRuledOut = Procedure("VRuledOut", model: vaModel, incident: vaRuled) {
    Trigger(!vaPaused)
    Step("pause", action: "vaPause", by: vaGuardian, within: 600) { Writes(vaPaused) }
    Containment(vaPaused, within: 1 * hour)
}
