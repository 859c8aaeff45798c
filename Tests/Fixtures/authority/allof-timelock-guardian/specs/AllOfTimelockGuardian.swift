import RecovDSL

// Issue 9, class 2: a step whose role is allOf([timelock 2h over the DAO council, guardian]).
// Every part must approve, so the step waits for the longest delay among them: 2h.
// Hand-worked verdicts: containment-time VIOLATED (contained no earlier than 2h > the 1h budget);
// bounded-intervention holds (within: 2h, the earliest time; a shorter within: is rejected). Before the fix the step ran at once: containment-time held.

let agPaused = Flag("agPaused", initial: false)
let agAlice = Entity("AG Alice")
let agBob = Entity("AG Bob")
let agCarol = Entity("AG Carol")
let agK1 = Key("ag-k1", heldBy: agAlice)
let agK2 = Key("ag-k2", heldBy: agBob)
let agK3 = Key("ag-k3", heldBy: agCarol)
let agCouncil = Role.multisig("agCouncil", threshold: 2, of: [agK1, agK2])
let agDelayed = Role.timelock("agDelayed", role: agCouncil, minDelay: 2 * 3_600)
let agGuardian = Role.multisig("agGuardian", threshold: 2, of: [agK2, agK3])
let agBoth = Role.allOf("agBoth", [agDelayed, agGuardian])

let agModel = Model("AllOfDelayed") {
    State(agPaused)
    Entities(agAlice, agBob, agCarol)
    Keys(agK1, agK2, agK3)
    Roles(agCouncil, agDelayed, agGuardian, agBoth)
    Action("agPause", by: agBoth) { Require(!agPaused); Assign(agPaused, true) }
    Claim { _ in IntExpr(0) }
}

let agIncident = Incident("AG bug", model: agModel) {}

let agProcedure = Procedure("AGPauseWithBoth", model: agModel, incident: agIncident) {
    Trigger(!agPaused)
    Step("pause", action: "agPause", by: agBoth, within: 2 * 3_600) { Writes(agPaused) }
    Containment(agPaused, within: 3_600)
}
