import RecovDSL
// Issue 9 class 12, held-out form: a chain of three timelocks of 10^15 s each. Every constant is at
// the documented limit (10^15) but the step's delay adds up to 3 * 10^15, past it.
// Expected: an input error at the step's line (32) saying the delays add up to more than 10^15
// (exit 2), never a crash, never a pass.
let ovPaused = Flag("ovPaused", initial: false)
let ovLoss = IntVar("ovLoss", 0...1_000_000_000_000_000, initial: 0)
let ovA = Entity("OV A"), ovB = Entity("OV B")
let ovK1 = Key("ov-k1", heldBy: ovA), ovK2 = Key("ov-k2", heldBy: ovB)
let ovGuardian = Role.multisig("ovGuardian", threshold: 2, of: [ovK1, ovK2])
let ovT1 = Role.timelock("ovT1", role: ovGuardian, minDelay: 1_000_000_000_000_000)
let ovT2 = Role.timelock("ovT2", role: ovT1, minDelay: 1_000_000_000_000_000)
let ovT3 = Role.timelock("ovT3", role: ovT2, minDelay: 1_000_000_000_000_000)
let ovModel = Model("Overflow") {
    State(ovPaused, ovLoss)
    Entities(ovA, ovB)
    Keys(ovK1, ovK2)
    Roles(ovGuardian, ovT1, ovT2, ovT3)
    Action("ovPause", by: ovGuardian) { Require(!ovPaused); Assign(ovPaused, true) }
    Action("ovSlowPause", by: ovT3) { Require(!ovPaused); Assign(ovPaused, true) }
    Claim { _ in IntExpr(0) }
}
let ovIncident = Incident("OV", model: ovModel) {
    Attack("ovSquare", while: !ovPaused) { ctx in
        let x = ctx.int("x", 0...1_000_000_000_000_000)
        Require(x >= 1_000_000_000_000_000 && ovLoss == 0)
        Assign(ovLoss, x * x / x)
    }
}
let ovTimeProc = Procedure("OVTime", model: ovModel, incident: ovIncident) {
    Trigger(!ovPaused)
    Step("pause", action: "ovSlowPause", by: ovT3) { Writes(ovPaused) }
    Containment(ovPaused, within: 1_000_000_000_000_000)
    Window(1_000_000_000_000_000)
}
