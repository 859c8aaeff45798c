import RecovDSL
// A timelock (1d, grace 1d) over a governor (voting delay 1d, period 2d): the step's earliest time
// is 4d after the previous step, its operation expires at 5d. Trigger at time 0. Hand-worked:
// - GVEdge: guard now >= 5d: runs exactly at the expiry tick: bounded-intervention holds;
//   containment within 5d holds.
// - GVLate: guard now >= 5d + 1s: expired: blocked: bounded-intervention VIOLATED (deadline 5d).
// - GVShort: guard now >= 4d, containment within 4d - 1s: VIOLATED (earliest 4d).
let gvPaused = Flag("gvPaused", initial: false)
let gvA = Entity("GV A"), gvB = Entity("GV B"), gvC = Entity("GV C")
let gvDao = Role.governor("gvDao", votes: [gvA: 40, gvB: 40, gvC: 20], quorum: 50, votingDelay: 1 * day, votingPeriod: 2 * days)
let gvQueue = Role.timelock("gvQueue", role: gvDao, minDelay: 1 * day, grace: 1 * day)
let gvModel = Model("Gov") {
    State(gvPaused)
    Entities(gvA, gvB, gvC)
    Roles(gvDao, gvQueue)
    Action("pauseAt5", by: gvQueue) { Require(!gvPaused && now >= IntExpr(5 * days)); Assign(gvPaused, true) }
    Action("pauseAfter5", by: gvQueue) { Require(!gvPaused && now >= IntExpr(5 * days + 1)); Assign(gvPaused, true) }
    Action("pauseAt4", by: gvQueue) { Require(!gvPaused && now >= IntExpr(4 * days)); Assign(gvPaused, true) }
    Claim { _ in IntExpr(0) }
}
let gvIncident = Incident("GV", model: gvModel) {
    Attack("gvPoke", while: !gvPaused) { Require(!gvPaused) }
}
let gvEdge = Procedure("GVEdge", model: gvModel, incident: gvIncident) {
    Trigger(!gvPaused && now == 0)
    Step("pause", action: "pauseAt5", by: gvQueue, within: 10 * days) { Writes(gvPaused) }
    Containment(gvPaused, within: 5 * days)
}
let gvLate = Procedure("GVLate", model: gvModel, incident: gvIncident) {
    Trigger(!gvPaused && now == 0)
    Step("pause", action: "pauseAfter5", by: gvQueue, within: 10 * days) { Writes(gvPaused) }
    Containment(gvPaused, within: 10 * days)
}
let gvShort = Procedure("GVShort", model: gvModel, incident: gvIncident) {
    Trigger(!gvPaused && now == 0)
    Step("pause", action: "pauseAt4", by: gvQueue, within: 10 * days) { Writes(gvPaused) }
    Containment(gvPaused, within: 4 * days - 1)
}
