import RecovDSL

// Two spends in one window past the cap are refused. As within-cap-holds but the budget is 9: the
// attacker reaches 10 (one drain of 10, or 5 + 5) but never 11 and more: 6 + 5 is refused.
// BlastRadius(max: 9) is VIOLATED with exactly 10 lost (worst case 10, not 20).
let rltStolen = IntVar("stolen", 0...1_000, initial: 0)
let rltReported = Flag("reported", initial: false)
let rltCap = RateLimit("withdrawals", max: 10, per: 100, usedAtTrigger: 0)
let rltA = Entity("A")
let rltB = Entity("B")
let rltKey = Key("k", heldBy: rltA)
let rltReporter = Role.key("reporter", rltKey).allowUnilateral("files a report; it stops nothing")

let rltModel = Model("CappedBridge") {
    State(rltStolen, rltReported)
    rltCap
    Entities(rltA, rltB)
    Keys(rltKey)
    Roles(rltReporter)
    Action("report", by: rltReporter) { Assign(rltReported, true) }
}

let rltIncident = Incident("Drain", model: rltModel) {
    Attack("drain", while: now < 100) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rltStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rltCap, amount)
        Assign(rltStolen, rltStolen + amount)
    }
}

let rltProcedure = Procedure("TwoSpendsRefused", model: rltModel, incident: rltIncident) {
    Trigger(now == 0)
    Step("report", action: "report", by: rltReporter, within: 1_000) { Writes(rltReported) }
    BlastRadius(loss: rltStolen, max: 9)
}
