import RecovDSL
// A multisig threshold lowered by a permissionless action, step by step, with nothing compromised.
// thCtr counts down by one per attack move; `setT` (by anyone) sets thGuardian's threshold to it.
// thGuardian is 2-of-2 (TH A, TH B); `drain` needs thGuardian; the pause needs a separate 2-of-2.
// Hand-worked:
// - THZero (thCtr starts at 2): down, down, setT (threshold 0: the empty coalition, i.e. the
//   attacker with no key, satisfies thGuardian), drain: blast-radius VIOLATED (thStolen 0 -> 100)
//   in 4 transitions. no-unilateral-control VIOLATED: down, setT (threshold 1), then TH A alone.
// - THDeep (thCtr starts at 17): the threshold reaches 1 after 16 downs and a setT (17
//   transitions), 0 after 17 downs and a setT, the drain one later (19 transitions). Both
//   no-unilateral-control and blast-radius fail only past --depth 10: VIOLATED past --depth, or
//   holds to depth 10; never PROVED.
let thPaused = Flag("thPaused", initial: false)
let thStolen = IntVar("thStolen", 0...1_000, initial: 0)
let thCtrZero = IntVar("thCtrZero", 0...20, initial: 2)
let thA = Entity("TH A"), thB = Entity("TH B")
let thK1 = Key("th-k1", heldBy: thA), thK2 = Key("th-k2", heldBy: thB)
let thK3 = Key("th-k3", heldBy: thA), thK4 = Key("th-k4", heldBy: thB)
let thGuardian = Role.multisig("thGuardian", threshold: 2, of: [thK1, thK2])
let thPauser = Role.multisig("thPauser", threshold: 2, of: [thK3, thK4])
let thOpen = Role.anyone("thOpen")
let thModel = Model("Threshold") {
    State(thPaused, thStolen, thCtrZero)
    Entities(thA, thB)
    Keys(thK1, thK2, thK3, thK4)
    Roles(thGuardian, thPauser, thOpen)
    Action("setT", by: thOpen) { SetThreshold(thGuardian, thCtrZero) }
    Action("pause", by: thPauser) { Require(!thPaused); Assign(thPaused, true) }
    Action("drain", by: thGuardian) { Require(!thPaused && thStolen <= 900); Assign(thStolen, thStolen + 100) }
    Claim { _ in IntExpr(0) }
}
let thIncident = Incident("TH countdown", model: thModel) {
    Attack("down", while: !thPaused) { Require(thCtrZero > 0); Assign(thCtrZero, thCtrZero - 1) }
}
let thZero = Procedure("THZero", model: thModel, incident: thIncident) {
    Trigger(!thPaused && thStolen == 0)
    Step("pause", action: "pause", by: thPauser, within: 1 * day) { Writes(thPaused) }
    BlastRadius(loss: thStolen, max: 50)
}
let thCtrDeep = IntVar("thCtrDeep", 0...20, initial: 17)
let thDeepModel = Model("ThresholdDeep") {
    State(thPaused, thStolen, thCtrDeep)
    Entities(thA, thB)
    Keys(thK1, thK2, thK3, thK4)
    Roles(thGuardian, thPauser, thOpen)
    Action("setT", by: thOpen) { SetThreshold(thGuardian, thCtrDeep) }
    Action("pause", by: thPauser) { Require(!thPaused); Assign(thPaused, true) }
    Action("drain", by: thGuardian) { Require(!thPaused && thStolen <= 900); Assign(thStolen, thStolen + 100) }
    Claim { _ in IntExpr(0) }
}
let thDeepIncident = Incident("TH long countdown", model: thDeepModel) {
    Attack("down", while: !thPaused) { Require(thCtrDeep > 0); Assign(thCtrDeep, thCtrDeep - 1) }
}
let thDeep = Procedure("THDeep", model: thDeepModel, incident: thDeepIncident) {
    Trigger(!thPaused && thStolen == 0)
    Step("pause", action: "pause", by: thPauser, within: 1 * day) { Writes(thPaused) }
    BlastRadius(loss: thStolen, max: 50)
}
