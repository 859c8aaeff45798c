import RecovDSL
// Containment deadlines at the boundary tick. Hand-worked (deadlines are relative to the previous
// step; a step may run as late as its deadline, exactly at it included):
// - BTExact: pause after 1h within 1h, containment within 1h: the pause runs exactly at 1h:
//   containment-time holds. BTShort: the same, containment within 1h - 1s: VIOLATED.
// - BTMax: pause by timelock(guardian, 30m) with after: 30m (no within: deadline = earliest): the
//   earliest time is max(after, delay) = 30m, not their sum: containment within 30m holds.
// - BTTwo: arm within 10m, then pause after 20m within 20m: the pause may run as late as 10m + 20m
//   = 30m: containment within 30m holds; BTTwoShort, containment within 30m - 1s: VIOLATED.
// bounded-intervention holds in all five.
let btArmed = Flag("btArmed", initial: false)
let btPaused = Flag("btPaused", initial: false)
let btLoss = IntVar("btLoss", 0...100, initial: 0)
let btA = Entity("BT A"), btB = Entity("BT B")
let btK1 = Key("bt-k1", heldBy: btA), btK2 = Key("bt-k2", heldBy: btB)
let btGuardian = Role.multisig("btGuardian", threshold: 2, of: [btK1, btK2])
let btSlow = Role.timelock("btSlow", role: btGuardian, minDelay: 30 * minutes)
let btModel = Model("Boundary") {
    State(btArmed, btPaused, btLoss)
    Entities(btA, btB)
    Keys(btK1, btK2)
    Roles(btGuardian, btSlow)
    Action("arm", by: btGuardian) { Require(!btArmed); Assign(btArmed, true) }
    Action("pause", by: btGuardian) { Require(!btPaused); Assign(btPaused, true) }
    Action("slowPause", by: btSlow) { Require(!btPaused); Assign(btPaused, true) }
    Claim { _ in IntExpr(0) }
}
let btIncident = Incident("BT", model: btModel) {
    Attack("btLeak", while: !btPaused) { Require(btLoss < 100); Assign(btLoss, btLoss + 1) }
}
let btExact = Procedure("BTExact", model: btModel, incident: btIncident) {
    Trigger(!btPaused && !btArmed)
    Step("pause", action: "pause", by: btGuardian, after: 1 * hour, within: 1 * hour) { Writes(btPaused) }
    Containment(btPaused, within: 1 * hour)
}
let btShort = Procedure("BTShort", model: btModel, incident: btIncident) {
    Trigger(!btPaused && !btArmed)
    Step("pause", action: "pause", by: btGuardian, after: 1 * hour, within: 1 * hour) { Writes(btPaused) }
    Containment(btPaused, within: 1 * hour - 1)
}
let btMax = Procedure("BTMax", model: btModel, incident: btIncident) {
    Trigger(!btPaused && !btArmed)
    Step("pause", action: "slowPause", by: btSlow, after: 30 * minutes) { Writes(btPaused) }
    Containment(btPaused, within: 30 * minutes)
}
let btTwo = Procedure("BTTwo", model: btModel, incident: btIncident) {
    Trigger(!btPaused && !btArmed)
    Step("arm", action: "arm", by: btGuardian, within: 10 * minutes) { Writes(btArmed) }
    Step("pause", action: "pause", by: btGuardian, after: 20 * minutes, within: 20 * minutes) { Writes(btPaused) }
    Containment(btPaused, within: 30 * minutes)
}
let btTwoShort = Procedure("BTTwoShort", model: btModel, incident: btIncident) {
    Trigger(!btPaused && !btArmed)
    Step("arm", action: "arm", by: btGuardian, within: 10 * minutes) { Writes(btArmed) }
    Step("pause", action: "pause", by: btGuardian, after: 20 * minutes, within: 20 * minutes) { Writes(btPaused) }
    Containment(btPaused, within: 30 * minutes - 1)
}
