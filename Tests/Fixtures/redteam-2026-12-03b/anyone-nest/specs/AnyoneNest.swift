import RecovDSL
// Roles built on Role.anyone nested in allOf and timelock, with nothing compromised, nothing
// borrowable and no changing authority. anOuter = timelock(allOf([timelock(anyone, 1h), anyone]), 1d).
// Hand-worked (docs/semantics.md, Roles built on other roles; the attacker's own moves wait for no delay):
// - ANOpen: "sweep" is by anOuter, which every coalition (the empty one too) satisfies: the attacker
//   sweeps 10 at the trigger, before the pause: blast-radius (max 0) VIOLATED; no-unilateral-control
//   VIOLATED (zero entities satisfy anOuter, which an action uses). The pause step by the 2-of-2
//   guardian always runs: bounded-intervention and containment-time hold. Exit 1.
// - ANGuarded (its own model): "sweep" by allOf([anOuter, 2-of-2 guardian]): the attacker holds no
//   key: blast-radius holds; no-unilateral-control holds (both keys needed).
// - ANDelay (model of ANOpen): the pause step through anOuter waits 1d + max(1h, 0) = 1d 1h; it is
//   promised within 1d 1h (runs at exactly 25h) but containment is promised within 25h - 1s, and the
//   attacker need not pause (it may: the pause actions have no guard, so a pause by the attacker never
//   blocks the step): containment-time VIOLATED (contained at 25h at the earliest, over by 1s);
//   bounded-intervention holds; no-unilateral-control VIOLATED (the same model as ANOpen).
let anPaused = Flag("anPaused", initial: false)
let anStolen = IntVar("anStolen", 0...100, initial: 0)
let anA = Entity("AN A"), anB = Entity("AN B")
let anK1 = Key("an-k1", heldBy: anA), anK2 = Key("an-k2", heldBy: anB)
let anGuardian = Role.multisig("anGuardian", threshold: 2, of: [anK1, anK2])
let anAnyone = Role.anyone("anAnyone")
let anInner = Role.timelock("anInner", role: anAnyone, minDelay: 1 * hour)
let anMid = Role.allOf("anMid", [anInner, anAnyone])
let anOuter = Role.timelock("anOuter", role: anMid, minDelay: 1 * day)
let anModel = Model("AnyoneNest") {
    State(anPaused, anStolen)
    Entities(anA, anB)
    Keys(anK1, anK2)
    Roles(anGuardian, anAnyone, anInner, anMid, anOuter)
    Action("pause", by: anGuardian) { Assign(anPaused, true) }
    Action("pauseOpen", by: anOuter) { Assign(anPaused, true) }
    Action("sweep", by: anOuter) { Require(!anPaused && anStolen <= 90); Assign(anStolen, anStolen + 10) }
    Claim { _ in IntExpr(0) }
}
let anIncident = Incident("AN", model: anModel) {
    Attack("anPoke", while: !anPaused) { Require(!anPaused) }
}
let anOpen = Procedure("ANOpen", model: anModel, incident: anIncident) {
    Trigger(!anPaused && anStolen == 0)
    Step("pause", action: "pause", by: anGuardian, within: 1 * hour) { Writes(anPaused) }
    Containment(anPaused, within: 1 * hour)
    BlastRadius(loss: anStolen, max: 0)
}
let anDelay = Procedure("ANDelay", model: anModel, incident: anIncident) {
    Trigger(!anPaused && anStolen == 0)
    Step("pause", action: "pauseOpen", by: anOuter, within: 25 * hours) { Writes(anPaused) }
    Containment(anPaused, within: 25 * hours - 1)
}

let gnPaused = Flag("gnPaused", initial: false)
let gnStolen = IntVar("gnStolen", 0...100, initial: 0)
let gnAnyone = Role.anyone("gnAnyone")
let gnInner = Role.timelock("gnInner", role: gnAnyone, minDelay: 1 * hour)
let gnMid = Role.allOf("gnMid", [gnInner, gnAnyone])
let gnOuter = Role.timelock("gnOuter", role: gnMid, minDelay: 1 * day)
let gnGuardian = Role.multisig("gnGuardian", threshold: 2, of: [anK1, anK2])
let gnBoth = Role.allOf("gnBoth", [gnOuter, gnGuardian])
let gnModel = Model("AnyoneGuarded") {
    State(gnPaused, gnStolen)
    Entities(anA, anB)
    Keys(anK1, anK2)
    Roles(gnGuardian, gnAnyone, gnInner, gnMid, gnOuter, gnBoth)
    Action("pause", by: gnGuardian) { Require(!gnPaused); Assign(gnPaused, true) }
    Action("sweep", by: gnBoth) { Require(!gnPaused && gnStolen <= 90); Assign(gnStolen, gnStolen + 10) }
    Claim { _ in IntExpr(0) }
}
let gnIncident = Incident("GN", model: gnModel) {
    Attack("gnPoke", while: !gnPaused) { Require(!gnPaused) }
}
let anGuarded = Procedure("ANGuarded", model: gnModel, incident: gnIncident) {
    Trigger(!gnPaused && gnStolen == 0)
    Step("pause", action: "pause", by: gnGuardian, within: 1 * hour) { Writes(gnPaused) }
    Containment(gnPaused, within: 1 * hour)
    BlastRadius(loss: gnStolen, max: 0)
}
