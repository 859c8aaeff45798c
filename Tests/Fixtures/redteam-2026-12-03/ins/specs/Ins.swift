import RecovDSL
// An insider gains a key through a procedure step (an allowlist Grant) and then acts alone.
// Insider IN A; in-k9 held by IN D; inRescue = key(in-k9), accepted. Hand-worked:
// - INGrant: step 1 grants in-k9 to IN A; IN A then calls rescue alone: blast-radius VIOLATED
//   (inOut 0 -> 100), the insider named in the trace. no-unilateral-control holds (accepted role).
// - INNoGrant: the same with a step that grants nothing: IN A never holds in-k9: blast-radius holds.
let inPaused = Flag("inPaused", initial: false)
let inOut = IntVar("inOut", 0...1_000, initial: 0)
let inA = Entity("IN A"), inB = Entity("IN B"), inD = Entity("IN D")
let inK1 = Key("in-k1", heldBy: inA), inK2 = Key("in-k2", heldBy: inB), inK9 = Key("in-k9", heldBy: inD)
let inGuardian = Role.multisig("inGuardian", threshold: 2, of: [inK1, inK2])
let inRescue = Role.key("inRescue", inK9).allowUnilateral("rescue desk")
let inModel = Model("Ins") {
    State(inPaused, inOut)
    Entities(inA, inB, inD)
    Keys(inK1, inK2, inK9)
    Roles(inGuardian, inRescue)
    Allowlist(inB, mayUse: inK9)
    Action("grantA", by: inGuardian) { Grant(inK9, to: inA) }
    Action("noop", by: inGuardian) { Require(!inPaused) }
    Action("pause", by: inGuardian) { Require(!inPaused); Assign(inPaused, true) }
    Action("rescue", by: inRescue) { Require(inOut <= 900); Assign(inOut, inOut + 100) }
    Claim { _ in IntExpr(0) }
}
let inIncident = Incident("IN insider A", model: inModel) {
    Insider(inA)
    Attack("inPoke", while: !inPaused) { Require(!inPaused) }
}
let inGrant = Procedure("INGrant", model: inModel, incident: inIncident) {
    Trigger(!inPaused && inOut == 0)
    Step("grant", action: "grantA", by: inGuardian) { Writes(inK9) }
    Step("pause", action: "pause", by: inGuardian, within: 1 * hour) { Writes(inPaused) }
    BlastRadius(loss: inOut, max: 50)
}
let inNoGrant = Procedure("INNoGrant", model: inModel, incident: inIncident) {
    Trigger(!inPaused && inOut == 0)
    Step("noop", action: "noop", by: inGuardian)
    Step("pause", action: "pause", by: inGuardian, within: 1 * hour) { Writes(inPaused) }
    BlastRadius(loss: inOut, max: 50)
}
