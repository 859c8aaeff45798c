import RecovDSL
// Issue 9 class 12, held-out form: constants at the documented limit (10^15).
// OVSquare: the attack's amount is forced to 10^15 and the loss is `x * x / x` (10^30 in the
// middle): the solver's integers are unbounded, so the loss grows by 10^15 > budget 1: a
// violation whose replay needs 10^30: an `error` naming the declaration ("integer overflow"),
// never a crash (exit 132) and never a pass. Expected exit 2, no signal.
let ovPaused = Flag("ovPaused", initial: false)
let ovLoss = IntVar("ovLoss", 0...1_000_000_000_000_000, initial: 0)
let ovA = Entity("OV A"), ovB = Entity("OV B")
let ovK1 = Key("ov-k1", heldBy: ovA), ovK2 = Key("ov-k2", heldBy: ovB)
let ovGuardian = Role.multisig("ovGuardian", threshold: 2, of: [ovK1, ovK2])
let ovModel = Model("Overflow") {
    State(ovPaused, ovLoss)
    Entities(ovA, ovB)
    Keys(ovK1, ovK2)
    Roles(ovGuardian)
    Action("ovPause", by: ovGuardian) { Require(!ovPaused); Assign(ovPaused, true) }
    Claim { _ in IntExpr(0) }
}
let ovIncident = Incident("OV", model: ovModel) {
    Attack("ovSquare", while: !ovPaused) { ctx in
        let x = ctx.int("x", 0...1_000_000_000_000_000)
        Require(x >= 1_000_000_000_000_000 && ovLoss == 0)
        Assign(ovLoss, x * x / x)
    }
}
let ovSquareProc = Procedure("OVSquare", model: ovModel, incident: ovIncident) {
    Trigger(!ovPaused)
    Step("pause", action: "ovPause", by: ovGuardian, within: 600) { Writes(ovPaused) }
    Containment(ovPaused, within: 1 * hour)
    BlastRadius(loss: ovLoss, max: 1)
}
