import RecovDSL
// An insider's action through a vetoed timelock (key vetoes). Insider IK A, IK C compromised, IK B honest.
// ikSelf = timelock(key ik-ka (A), 1h, vetoBy: key ik-va (A)); ikHonest = timelock(key ik-ka, 1h, vetoBy: key
// ik-vb (B)); ikByC = timelock(key ik-ka, 1h, vetoBy: key ik-vc (C)). The insider's opponents are the honest
// entities outside it (B): it cannot cancel through ik-va (A's own) nor ik-vc (the attacker's).
// - IKSelf (drainSelf through ikSelf): the insider drains: blast-radius VIOLATED.
// - IKHonest (drainHonest through ikHonest): B cancels: blast-radius holds.
// - IKByC (drainByC through ikByC): nobody opposing cancels: VIOLATED.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let ikPaused = Flag("ikPaused", initial: false)
let ikOut = IntVar("ikOut", 0...1_000, initial: 0)
let ikA = Entity("IK A"), ikB = Entity("IK B"), ikC = Entity("IK C")
let ikK1 = Key("ik-k1", heldBy: ikA), ikK2 = Key("ik-k2", heldBy: ikB), ikKA = Key("ik-ka", heldBy: ikA)
let ikVA = Key("ik-va", heldBy: ikA), ikVB = Key("ik-vb", heldBy: ikB), ikVC = Key("ik-vc", heldBy: ikC)
let ikGuardian = Role.multisig("ikGuardian", threshold: 2, of: [ikK1, ikK2])
let ikAKey = Role.key("ikAKey", ikKA)
let ikVAKey = Role.key("ikVAKey", ikVA), ikVBKey = Role.key("ikVBKey", ikVB), ikVCKey = Role.key("ikVCKey", ikVC)
let ikSelf = Role.timelock("ikSelf", role: ikAKey, minDelay: 1 * hour, vetoBy: ikVAKey).allowUnilateral("ops")
let ikHonest = Role.timelock("ikHonest", role: ikAKey, minDelay: 1 * hour, vetoBy: ikVBKey).allowUnilateral("ops")
let ikByC = Role.timelock("ikByC", role: ikAKey, minDelay: 1 * hour, vetoBy: ikVCKey).allowUnilateral("ops")
let ikOutSelf = IntVar("ikOutSelf", 0...1_000, initial: 0)
let ikOutByC = IntVar("ikOutByC", 0...1_000, initial: 0)
let ikModel = Model("IK") {
    State(ikPaused, ikOut, ikOutSelf, ikOutByC)
    Entities(ikA, ikB, ikC)
    Keys(ikK1, ikK2, ikKA, ikVA, ikVB, ikVC)
    Roles(ikGuardian, ikAKey, ikVAKey, ikVBKey, ikVCKey, ikSelf, ikHonest, ikByC)
    Action("pause", by: ikGuardian) { Require(!ikPaused); Assign(ikPaused, true) }
    Action("drainSelf", by: ikSelf) { Require(!ikPaused && ikOutSelf <= 900); Assign(ikOutSelf, ikOutSelf + 100) }
    Action("drainHonest", by: ikHonest) { Require(!ikPaused && ikOut <= 900); Assign(ikOut, ikOut + 100) }
    Action("drainByC", by: ikByC) { Require(!ikPaused && ikOutByC <= 900); Assign(ikOutByC, ikOutByC + 100) }
    Claim { _ in IntExpr(0) }
}
let ikIncident = Incident("IK insider A, C compromised", model: ikModel) {
    Insider(ikA)
    Compromised(ikC)
    Attack("ikPoke", while: !ikPaused) { Require(!ikPaused) }
}
func ikProcedure(_ name: String, _ loss: IntExpr, file: String = #filePath, line: Int = #line) -> Procedure {
    Procedure(name, model: ikModel, incident: ikIncident, file: file, line: line) {
        Trigger(!ikPaused && ikOut == 0 && ikOutSelf == 0 && ikOutByC == 0)
        Step("pause", action: "pause", by: ikGuardian, within: 2 * days) { Writes(ikPaused) }
        BlastRadius(loss: loss, max: 50)
    }
}
let ikP1 = ikProcedure("IKSelf", ikOutSelf)
let ikP2 = ikProcedure("IKHonest", ikOut)
let ikP3 = ikProcedure("IKByC", ikOutByC)
