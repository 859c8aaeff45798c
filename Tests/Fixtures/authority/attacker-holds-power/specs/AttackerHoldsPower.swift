import RecovDSL

// Issue 9, item 14: the attacker holds two of the three guardian keys (2-of-3), so the honest
// entities (Carol, one key) can never run the pause step. That is the finding, not a vacuous check.
// Hand-worked verdicts: bounded-intervention VIOLATED (the procedure is blocked at the step's
// 30-minute deadline: a two-transition trace, time then the blocked step); containment-time
// VIOLATED (blocked before containment); no-unilateral-control VIOLATED (the attacker alone
// satisfies 'ahGuardian'); sanity holds, saying the step is blocked. Before the fix: sanity
// ERROR "every property would pass vacuously", exit 2.

let ahPaused = Flag("ahPaused", initial: false)
let ahAlice = Entity("AH Alice")
let ahBob = Entity("AH Bob")
let ahCarol = Entity("AH Carol")
let ahK1 = Key("ah-k1", heldBy: ahAlice)
let ahK2 = Key("ah-k2", heldBy: ahBob)
let ahK3 = Key("ah-k3", heldBy: ahCarol)
let ahGuardian = Role.multisig("ahGuardian", threshold: 2, of: [ahK1, ahK2, ahK3])

let ahModel = Model("AttackerHoldsPower") {
    State(ahPaused)
    Entities(ahAlice, ahBob, ahCarol)
    Keys(ahK1, ahK2, ahK3)
    Roles(ahGuardian)
    Action("ahPause", by: ahGuardian) { Require(!ahPaused); Assign(ahPaused, true) }
    Claim { _ in IntExpr(0) }
}

let ahIncident = Incident("AH two keys leaked", model: ahModel) {
    Compromised(ahAlice, ahBob)
}

let ahProcedure = Procedure("AHPause", model: ahModel, incident: ahIncident) {
    Trigger(!ahPaused)
    Step("pause", action: "ahPause", by: ahGuardian, within: 30 * 60) { Writes(ahPaused) }
    Containment(ahPaused, within: 30 * 60)
}
