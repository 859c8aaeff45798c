import RecovDSL
// Issue 9 class 14, held-out form: the step runs through a governance role in which the
// compromised entity holds 60 of 100 and the supermajority is 1/2. The honest entities (40)
// cannot pass it: the procedure is blocked at its deadline. Hand-worked: bounded-intervention
// VIOLATED (blocked), containment-time VIOLATED, no-unilateral-control VIOLATED (the attacker
// alone passes the vote); sanity holds (the blocked step is the finding, not vacuity). Exit 1,
// never exit 2 "vacuous".
let apPaused = Flag("apPaused", initial: false)
let apA = Entity("AP A"), apB = Entity("AP B"), apWhale = Entity("AP Whale")
let apDao = Role.governance("apDao", powers: [apA: 20, apB: 20, apWhale: 60], supermajority: Fraction(1, 2))
let apModel = Model("AttackerPower") {
    State(apPaused)
    Entities(apA, apB, apWhale)
    Roles(apDao)
    Action("apPause", by: apDao) { Require(!apPaused); Assign(apPaused, true) }
    Claim { _ in IntExpr(0) }
}
let apIncident = Incident("AP whale", model: apModel) {
    Compromised(apWhale)
    Attack("apPoke", while: !apPaused) { Require(!apPaused) }
}
let apProc = Procedure("APPause", model: apModel, incident: apIncident) {
    Trigger(!apPaused)
    Step("pause", action: "apPause", by: apDao, within: 1 * hour) { Writes(apPaused) }
    Containment(apPaused, within: 1 * hour)
}
