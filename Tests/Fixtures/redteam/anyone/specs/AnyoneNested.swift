import RecovDSL
// Issue 9 class 1, held-out form: `anyone` two levels down, inside a timelock inside an allOf
// inside a timelock. Nothing is compromised, nothing is borrowed, authority never changes.
// Hand-worked:
// - ANSkim (skim by timelock(allOf([timelock(anyone), anyone]))): the attacker satisfies the role
//   with nobody's keys and waits for no delay, so it skims 1 twice before the 10-minute pause:
//   blast-radius VIOLATED (anStolen 0 -> 2, budget 1), 2 transitions, only `anSkim` moves.
//   no-unilateral-control holds (the role is accepted with .allowUnilateral).
// - ANGuarded (the same skim, but its role also needs the 2-of-2 guardian, allOf([anyone, guardian])):
//   the attacker cannot satisfy the guardian, so `anBig` never runs and anBigStolen stays 0:
//   blast-radius (anBigStolen, budget 0) holds or is proved. (If it were offered: 0 -> 100.)
// Exit 1 overall.
let anPaused = Flag("anPaused", initial: false)
let anStolen = IntVar("anStolen", 0...1_000, initial: 0)
let anBigStolen = IntVar("anBigStolen", 0...1_000, initial: 0)
let anA = Entity("AN A"), anB = Entity("AN B")
let anK1 = Key("an-k1", heldBy: anA), anK2 = Key("an-k2", heldBy: anB)
let anGuardian = Role.multisig("anGuardian", threshold: 2, of: [anK1, anK2])
let anOpen = Role.anyone("anOpen")
let anInner = Role.timelock("anInner", role: anOpen, minDelay: 1 * day)
let anMid = Role.allOf("anMid", [anInner, anOpen])
let anOuter = Role.timelock("anOuter", role: anMid, minDelay: 1 * hour).allowUnilateral("keeper")
let anGuarded = Role.allOf("anGuarded", [anOpen, anGuardian])

let anModel = Model("AnyoneNested") {
    State(anPaused, anStolen, anBigStolen)
    Entities(anA, anB)
    Keys(anK1, anK2)
    Roles(anGuardian, anOpen, anInner, anMid, anOuter, anGuarded)
    Action("anPause", by: anGuardian) { Require(!anPaused); Assign(anPaused, true) }
    Action("anSkim", by: anOuter) { Require(!anPaused && anStolen < 1_000); Assign(anStolen, anStolen + 1) }
    Action("anBig", by: anGuarded) { Require(!anPaused && anBigStolen <= 900); Assign(anBigStolen, anBigStolen + 100) }
    Claim { _ in IntExpr(0) }
}
let anIncident = Incident("AN nothing compromised", model: anModel) {
    Attack("anPoke", while: !anPaused) { Require(!anPaused) }
}
let anSkimProc = Procedure("ANSkim", model: anModel, incident: anIncident) {
    Trigger(!anPaused)
    Step("pause", action: "anPause", by: anGuardian, within: 600) { Writes(anPaused) }
    Containment(anPaused, within: 600)
    BlastRadius(loss: anStolen, max: 1)
}
let anGuardedProc = Procedure("ANGuarded", model: anModel, incident: anIncident) {
    Trigger(!anPaused)
    Step("pause", action: "anPause", by: anGuardian, within: 600) { Writes(anPaused) }
    Containment(anPaused, within: 600)
    BlastRadius(loss: anBigStolen, max: 0)
}
