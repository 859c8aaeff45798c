import RecovDSL

// A negative spend is refused: otherwise draining 10, "spending" -10 (giving the cap back) and
// draining 10 again would steal 20 in window 0. Spend requires amount >= 0, so as in
// within-cap-holds at most 10 is stolen: BlastRadius(max: 10) HOLDS.
let rlgStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlgReported = Flag("reported", initial: false)
let rlgCap = RateLimit("withdrawals", max: 10, per: 100, usedAtTrigger: 0)
let rlgA = Entity("A")
let rlgB = Entity("B")
let rlgKey = Key("k", heldBy: rlgA)
let rlgReporter = Role.key("reporter", rlgKey).allowUnilateral("files a report; it stops nothing")

let rlgModel = Model("CappedBridge") {
    State(rlgStolen, rlgReported)
    rlgCap
    Entities(rlgA, rlgB)
    Keys(rlgKey)
    Roles(rlgReporter)
    Action("report", by: rlgReporter) { Assign(rlgReported, true) }
}

let rlgIncident = Incident("Drain", model: rlgModel) {
    Attack("drain", while: now < 100) { ctx in
        let amount = ctx.int("amount", -10...10)
        Require(rlgStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rlgCap, amount)
        Assign(rlgStolen, rlgStolen + max(amount, 0))
    }
}

let rlgProcedure = Procedure("NegativeSpendRefused", model: rlgModel, incident: rlgIncident) {
    Trigger(now == 0)
    Step("report", action: "report", by: rlgReporter, within: 1_000) { Writes(rlgReported) }
    BlastRadius(loss: rlgStolen, max: 10)
}
