import RecovDSL
// Counter-veto and allOf. CV C compromised. Honest pause through timelock(guardian CV A + CV B, 1d, vetoBy: v).
// - CVCounter: v = cvVetoCountered = timelock(key cv-kc (C), 1h, vetoBy: key cv-va (A)): the attacker's
//   cancellation is itself cancelled by A: the pause runs: containment-time, bounded-intervention hold.
// - CVNoCounter: v = timelock(key cv-kc, 1h, vetoBy: key cv-kc2 (C)): only the attacker could counter:
//   the attacker cancels: VIOLATED.
// - CVOpenCounter: v = timelock(key cv-kc, 1h, vetoBy: anyone): the honest counter-cancel: holds.
// - CVAllOfBad: allOf([timelock(guardian, 1d, vetoBy: key cv-va), timelock(key cv-kb, 1d, vetoBy: key cv-kc)]):
//   the second is cancelled by the attacker: VIOLATED.
// - CVAllOfGood: allOf([timelock(guardian, 1d, vetoBy: key cv-va), key cv-kb]): holds.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let cvPaused = Flag("cvPaused", initial: false)
let cvA = Entity("CV A"), cvB = Entity("CV B"), cvC = Entity("CV C")
let cvK1 = Key("cv-k1", heldBy: cvA), cvK2 = Key("cv-k2", heldBy: cvB), cvKC = Key("cv-kc", heldBy: cvC)
let cvKC2 = Key("cv-kc2", heldBy: cvC), cvVA = Key("cv-va", heldBy: cvA), cvKB = Key("cv-kb", heldBy: cvB)
let cvGuardian = Role.multisig("cvGuardian", threshold: 2, of: [cvK1, cvK2])
let cvCKey = Role.key("cvCKey", cvKC)
let cvC2Key = Role.key("cvC2Key", cvKC2)
let cvAKey = Role.key("cvAKey", cvVA)
let cvBKey = Role.key("cvBKey", cvKB)
let cvOpen = Role.anyone("cvOpen")
let cvVetoCountered = Role.timelock("cvVetoCountered", role: cvCKey, minDelay: 1 * hour, vetoBy: cvAKey)
let cvVetoSelf = Role.timelock("cvVetoSelf", role: cvCKey, minDelay: 1 * hour, vetoBy: cvC2Key)
let cvVetoOpen = Role.timelock("cvVetoOpen", role: cvCKey, minDelay: 1 * hour, vetoBy: cvOpen)
let cvAdminCounter = Role.timelock("cvAdminCounter", role: cvGuardian, minDelay: 1 * day, vetoBy: cvVetoCountered)
let cvAdminNoCounter = Role.timelock("cvAdminNoCounter", role: cvGuardian, minDelay: 1 * day, vetoBy: cvVetoSelf)
let cvAdminOpen = Role.timelock("cvAdminOpen", role: cvGuardian, minDelay: 1 * day, vetoBy: cvVetoOpen)
let cvPartA = Role.timelock("cvPartA", role: cvGuardian, minDelay: 1 * day, vetoBy: cvAKey)
let cvPartBBad = Role.timelock("cvPartBBad", role: cvBKey, minDelay: 1 * day, vetoBy: cvCKey)
let cvAllBad = Role.allOf("cvAllBad", [cvPartA, cvPartBBad])
let cvAllGood = Role.allOf("cvAllGood", [cvPartA, cvBKey])
let cvModel = Model("CV") {
    State(cvPaused)
    Entities(cvA, cvB, cvC)
    Keys(cvK1, cvK2, cvKC, cvKC2, cvVA, cvKB)
    Roles(cvGuardian, cvCKey, cvC2Key, cvAKey, cvBKey, cvOpen, cvVetoCountered, cvVetoSelf, cvVetoOpen,
          cvAdminCounter, cvAdminNoCounter, cvAdminOpen, cvPartA, cvPartBBad, cvAllBad, cvAllGood)
    Action("pauseCounter", by: cvAdminCounter) { Require(!cvPaused); Assign(cvPaused, true) }
    Action("pauseNoCounter", by: cvAdminNoCounter) { Require(!cvPaused); Assign(cvPaused, true) }
    Action("pauseOpen", by: cvAdminOpen) { Require(!cvPaused); Assign(cvPaused, true) }
    Action("pauseAllBad", by: cvAllBad) { Require(!cvPaused); Assign(cvPaused, true) }
    Action("pauseAllGood", by: cvAllGood) { Require(!cvPaused); Assign(cvPaused, true) }
    Claim { _ in IntExpr(0) }
}
let cvIncident = Incident("CV C compromised", model: cvModel) {
    Compromised(cvC)
    Attack("cvPoke", while: !cvPaused) { Require(!cvPaused) }
}
func cvProcedure(_ name: String, _ action: String, _ role: Role, file: String = #filePath, line: Int = #line)
    -> Procedure
{
    Procedure(name, model: cvModel, incident: cvIncident, file: file, line: line) {
        Trigger(!cvPaused)
        Step("pause", action: action, by: role, within: 2 * days) { Writes(cvPaused) }
        Containment(cvPaused, within: 2 * days)
    }
}
let cvP1 = cvProcedure("CVCounter", "pauseCounter", cvAdminCounter)
let cvP2 = cvProcedure("CVNoCounter", "pauseNoCounter", cvAdminNoCounter)
let cvP3 = cvProcedure("CVOpenCounter", "pauseOpen", cvAdminOpen)
let cvP4 = cvProcedure("CVAllOfBad", "pauseAllBad", cvAllBad)
let cvP5 = cvProcedure("CVAllOfGood", "pauseAllGood", cvAllGood)
