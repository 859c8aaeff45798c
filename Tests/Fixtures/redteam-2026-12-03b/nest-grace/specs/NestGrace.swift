import RecovDSL
// A timelock over an allOf over a timelock, with graces. The trigger pins the trigger time to 0.
// ngOuter = timelock(allOf([timelock(guardian, 1d, grace: 1h), guardian]), 1d, grace: 2d).
// Hand-worked (docs/semantics.md, Delays and Grace): delay = 1d + max(1d, 0) = 2d, the step is
// queued to be executable at 2d; only the outermost timelock's grace counts on a chain (inner
// levels run at their earliest time), so it expires at 2d + 2d = 4d. Each step is within 10d.
// - NGMid: guard now >= 3d: the step can run at any time from 3d to its deadline 4d:
//   bounded-intervention holds (counting the inner grace, 2d + 1h, would block it: wrong);
//   containment-time (within 3d) VIOLATED: the honest may run the step as late as 4d. (First
//   worked out as "holds", taking the step to run at its earliest possible time; wrong: a step
//   runs anywhere between its earliest time and its deadline. Corrected before the test.)
// - NGExact: guard now >= 4d: runs exactly at the expiry tick 4d: holds (containment within 4d).
// - NGLate: guard now >= 4d + 1s: expired at 4d: blocked: bounded-intervention VIOLATED and
//   containment-time (within 10d) VIOLATED.
// - NGEarly: guard true, containment within 2d - 1s: the step cannot run before 2d (the inner delay
//   counts through the allOf): containment-time VIOLATED, bounded-intervention holds.
// - NGNoOuter: timelock(timelock(guardian, 1d, grace: 1h), 1d) with no outer grace, guard
//   now >= 5d, within 10d: the outermost has no grace, so the queued step never expires
//   ("without grace a queued step never expires"; inner levels run at their earliest time):
//   runs at 5d: bounded-intervention holds.
// Exit 1 (NGMid, NGLate, NGEarly).
let ngPaused = Flag("ngPaused", initial: false)
let ngA = Entity("NG A"), ngB = Entity("NG B")
let ngK1 = Key("ng-k1", heldBy: ngA), ngK2 = Key("ng-k2", heldBy: ngB)
let ngGuardian = Role.multisig("ngGuardian", threshold: 2, of: [ngK1, ngK2])
let ngInner = Role.timelock("ngInner", role: ngGuardian, minDelay: 1 * day, grace: 1 * hour)
let ngMid = Role.allOf("ngMid", [ngInner, ngGuardian])
let ngOuter = Role.timelock("ngOuter", role: ngMid, minDelay: 1 * day, grace: 2 * days)
let ngBare = Role.timelock("ngBare", role: ngInner, minDelay: 1 * day)
let ngModel = Model("NestGrace") {
    State(ngPaused)
    Entities(ngA, ngB)
    Keys(ngK1, ngK2)
    Roles(ngGuardian, ngInner, ngMid, ngOuter, ngBare)
    Action("pauseAt3", by: ngOuter) { Require(!ngPaused && now >= IntExpr(3 * days)); Assign(ngPaused, true) }
    Action("pauseAt4", by: ngOuter) { Require(!ngPaused && now >= IntExpr(4 * days)); Assign(ngPaused, true) }
    Action("pauseLate", by: ngOuter) { Require(!ngPaused && now >= IntExpr(4 * days + 1)); Assign(ngPaused, true) }
    Action("pauseAny", by: ngOuter) { Require(!ngPaused); Assign(ngPaused, true) }
    Action("pauseBare", by: ngBare) { Require(!ngPaused && now >= IntExpr(5 * days)); Assign(ngPaused, true) }
    Claim { _ in IntExpr(0) }
}
let ngIncident = Incident("NG", model: ngModel) {
    Attack("ngPoke", while: !ngPaused) { Require(!ngPaused) }
}
let ngMidP = Procedure("NGMid", model: ngModel, incident: ngIncident) {
    Trigger(!ngPaused && now == 0)
    Step("pause", action: "pauseAt3", by: ngOuter, within: 10 * days) { Writes(ngPaused) }
    Containment(ngPaused, within: 3 * days)
}
let ngExactP = Procedure("NGExact", model: ngModel, incident: ngIncident) {
    Trigger(!ngPaused && now == 0)
    Step("pause", action: "pauseAt4", by: ngOuter, within: 10 * days) { Writes(ngPaused) }
    Containment(ngPaused, within: 4 * days)
}
let ngLateP = Procedure("NGLate", model: ngModel, incident: ngIncident) {
    Trigger(!ngPaused && now == 0)
    Step("pause", action: "pauseLate", by: ngOuter, within: 10 * days) { Writes(ngPaused) }
    Containment(ngPaused, within: 10 * days)
}
let ngEarlyP = Procedure("NGEarly", model: ngModel, incident: ngIncident) {
    Trigger(!ngPaused && now == 0)
    Step("pause", action: "pauseAny", by: ngOuter, within: 10 * days) { Writes(ngPaused) }
    Containment(ngPaused, within: 2 * days - 1)
}
let ngNoOuterP = Procedure("NGNoOuter", model: ngModel, incident: ngIncident) {
    Trigger(!ngPaused && now == 0)
    Step("pause", action: "pauseBare", by: ngBare, within: 10 * days) { Writes(ngPaused) }
    Containment(ngPaused, within: 10 * days)
}
