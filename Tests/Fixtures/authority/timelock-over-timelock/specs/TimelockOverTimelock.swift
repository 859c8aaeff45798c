import RecovDSL

// Issue 9, class 2: a step through a timelock (1h) over a timelock (2h) over a 2-of-2 council.
// Delays add up along the chain: the step runs at the earliest 3h after the trigger.
// Hand-worked verdicts: containment-time VIOLATED (contained no earlier than 3h > the 2h budget;
// worst case 3h); bounded-intervention holds (within: 3h, the earliest time; a shorter within: is rejected).
// Before the fix only the outer 1h counted: containment-time held.

let ttPaused = Flag("ttPaused", initial: false)
let ttAlice = Entity("TT Alice")
let ttBob = Entity("TT Bob")
let ttK1 = Key("tt-k1", heldBy: ttAlice)
let ttK2 = Key("tt-k2", heldBy: ttBob)
let ttCouncil = Role.multisig("ttCouncil", threshold: 2, of: [ttK1, ttK2])
let ttInner = Role.timelock("ttInner", role: ttCouncil, minDelay: 2 * 3_600)
let ttOuter = Role.timelock("ttOuter", role: ttInner, minDelay: 3_600)

let ttModel = Model("TimelockChain") {
    State(ttPaused)
    Entities(ttAlice, ttBob)
    Keys(ttK1, ttK2)
    Roles(ttCouncil, ttInner, ttOuter)
    Action("ttPause", by: ttOuter) { Require(!ttPaused); Assign(ttPaused, true) }
    Claim { _ in IntExpr(0) }
}

let ttIncident = Incident("TT bug", model: ttModel) {}

let ttProcedure = Procedure("TTPauseThroughChain", model: ttModel, incident: ttIncident) {
    Trigger(!ttPaused)
    Step("pause", action: "ttPause", by: ttOuter, within: 3 * 3_600) { Writes(ttPaused) }
    Containment(ttPaused, within: 2 * 3_600)
}
