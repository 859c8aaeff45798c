import RecovDSL
// Unbounded claims over properties that fail only past --depth 10. The attacker's moves take no
// time; the pause may come up to 30 days after the trigger. Hand-worked:
// - DPCount: invariant dpN < 15, one attack adds 1 to dpN: violated after 15 transitions. Must
//   never be PROVED: VIOLATED past --depth 10 (15 transitions) or holds to depth 10.
// - DPJump: dpX and dpY start at 0 and rise by 1 together, but once dpX >= 14 dpX rises by 2.
//   Invariant dpX == dpY: violated after 15 transitions. Never PROVED.
// - DPPair: the same model, invariant dpX >= dpY (the jump only raises dpX): true in every
//   reachable state: PROVED (or holds).
// - In all three: once dpN >= 15 the attacker zeroes an account's dpBal (before, the seize is a
//   no-op, so every attack fires within --depth and sanity holds): no-collateral-loss is violated
//   after 16 transitions. Never PROVED.
let dpPaused = Flag("dpPaused", initial: false)
let dpN = IntVar("dpN", 0...100, initial: 0)
let dpX = IntVar("dpX", 0...100, initial: 0)
let dpY = IntVar("dpY", 0...100, initial: 0)
let dpBal = AccountMap("dpBal", 0...10)
let dpA = Entity("DP A"), dpB = Entity("DP B")
let dpK1 = Key("dp-k1", heldBy: dpA), dpK2 = Key("dp-k2", heldBy: dpB)
let dpGuardian = Role.multisig("dpGuardian", threshold: 2, of: [dpK1, dpK2])
let dpModel = Model("DeepProof") {
    State(dpPaused, dpN, dpX, dpY, dpBal)
    Entities(dpA, dpB)
    Keys(dpK1, dpK2)
    Roles(dpGuardian)
    Action("pause", by: dpGuardian) { Require(!dpPaused); Assign(dpPaused, true) }
    Claim { a in dpBal[a] }
}
let dpIncident = Incident("DP", model: dpModel) {
    Attack("tick", while: !dpPaused) { Require(dpN < 100); Assign(dpN, dpN + 1) }
    Attack("both", while: !dpPaused) {
        Require(dpX < 90 && dpY < 90)
        Assign(dpX, dpX + ite(dpX >= 14, IntExpr(2), IntExpr(1)))
        Assign(dpY, dpY + 1)
    }
    Attack("seize", while: !dpPaused) { ctx in
        let victim = ctx.account("victim")
        Assign(dpBal[victim], ite(dpN >= 15, IntExpr(0), dpBal[victim]))
    }
}
let dpCount = Procedure("DPCount", model: dpModel, incident: dpIncident) {
    Trigger(!dpPaused)
    Step("pause", action: "pause", by: dpGuardian, within: 30 * days) { Writes(dpPaused) }
    Invariant("below15", dpN < 15)
}
let dpJump = Procedure("DPJump", model: dpModel, incident: dpIncident) {
    Trigger(!dpPaused)
    Step("pause", action: "pause", by: dpGuardian, within: 30 * days) { Writes(dpPaused) }
    Invariant("equal", dpX == dpY)
}
let dpPair = Procedure("DPPair", model: dpModel, incident: dpIncident) {
    Trigger(!dpPaused)
    Step("pause", action: "pause", by: dpGuardian, within: 30 * days) { Writes(dpPaused) }
    Invariant("ahead", dpX >= dpY)
}
