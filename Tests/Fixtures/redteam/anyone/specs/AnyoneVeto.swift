import RecovDSL
// Issue 9 class 1, held-out forms with a veto and an insider. Nothing is compromised.
// Hand-worked (docs/semantics.md: the honest entities cancel the attacker's operation through a
// timelock when they satisfy its veto role):
// - AVVetoed: `avSkim` is by timelock(anyone, 1h, vetoBy: guardian 2-of-2): the attacker satisfies
//   `anyone`, but AV A and AV B together satisfy the guardian and cancel: blast-radius (avOut,
//   budget 0) holds or is proved.
// - AVOpenVeto: `avTake` is by timelock(anyone, 1h, vetoBy: anyone): the honest entities satisfy
//   `anyone` and cancel every operation the attacker queues: blast-radius (avTaken, budget 0)
//   holds or is proved. (Until 2026-12-03 the veto was read as "the coalition satisfies the veto
//   role too", and this was VIOLATED.)
// - AVInsider: `avSweep` is by allOf([anyone, key(av-k1)]) and AV A (holding av-k1) is an Insider:
//   the insider alone satisfies it and sweeps: blast-radius (avSwept, budget 0) VIOLATED, the
//   trace names the insider; the attacker alone could not.
let avPaused = Flag("avPaused", initial: false)
let avOut = IntVar("avOut", 0...10, initial: 0)
let avTaken = IntVar("avTaken", 0...10, initial: 0)
let avSwept = IntVar("avSwept", 0...10, initial: 0)
let avA = Entity("AV A"), avB = Entity("AV B")
let avK1 = Key("av-k1", heldBy: avA), avK2 = Key("av-k2", heldBy: avB)
let avGuardian = Role.multisig("avGuardian", threshold: 2, of: [avK1, avK2])
let avOpen = Role.anyone("avOpen")
let avVetoed = Role.timelock("avVetoed", role: avOpen, minDelay: 1 * hour, vetoBy: avGuardian)
let avOpenVeto = Role.timelock("avOpenVeto", role: avOpen, minDelay: 1 * hour, vetoBy: avOpen).allowUnilateral("open")
let avK1Role = Role.key("avK1Role", avK1)
let avSweeper = Role.allOf("avSweeper", [avOpen, avK1Role]).allowUnilateral("desk")
let avModel = Model("AnyoneVeto") {
    State(avPaused, avOut, avTaken, avSwept)
    Entities(avA, avB)
    Keys(avK1, avK2)
    Roles(avGuardian, avOpen, avVetoed, avOpenVeto, avK1Role, avSweeper)
    Action("avPause", by: avGuardian) { Require(!avPaused); Assign(avPaused, true) }
    Action("avSkim", by: avVetoed) { Require(!avPaused && avOut < 10); Assign(avOut, avOut + 1) }
    Action("avTake", by: avOpenVeto) { Require(!avPaused && avTaken < 10); Assign(avTaken, avTaken + 1) }
    Action("avSweep", by: avSweeper) { Require(!avPaused && avSwept < 10); Assign(avSwept, avSwept + 1) }
    Claim { _ in IntExpr(0) }
}
let avIncident = Incident("AV", model: avModel) {
    Attack("avPoke", while: !avPaused) { Require(!avPaused) }
}
let avInsiderIncident = Incident("AV insider", model: avModel) {
    Insider(avA)
    Attack("avPoke", while: !avPaused) { Require(!avPaused) }
}
let avVetoedProc = Procedure("AVVetoed", model: avModel, incident: avIncident) {
    Trigger(!avPaused)
    Step("pause", action: "avPause", by: avGuardian, within: 600) { Writes(avPaused) }
    BlastRadius(loss: avOut, max: 0)
}
let avOpenVetoProc = Procedure("AVOpenVeto", model: avModel, incident: avIncident) {
    Trigger(!avPaused)
    Step("pause", action: "avPause", by: avGuardian, within: 600) { Writes(avPaused) }
    BlastRadius(loss: avTaken, max: 0)
}
let avInsiderProc = Procedure("AVInsider", model: avModel, incident: avInsiderIncident) {
    Trigger(!avPaused)
    Step("pause", action: "avPause", by: avGuardian, within: 600) { Writes(avPaused) }
    BlastRadius(loss: avSwept, max: 0)
}
