import RecovDSL

// A budget per window holds with a cap equal to the budget. The trigger is at a window boundary of
// the cap (now % 100 == 0), so the budget's fixed windows [T + k·100, T + (k+1)·100) are exactly
// the cap's windows; drains of up to 20 are limited to 10 per window (what was spent before the
// trigger only lowers it). BlastRadius(max: 10, per: 100, .fixed) HOLDS.
let rleStolen = IntVar("stolen", 0...1_000, initial: 0)
let rleReported = Flag("reported", initial: false)
let rleCap = RateLimit("withdrawals", max: 10, per: 100)
let rleA = Entity("A")
let rleB = Entity("B")
let rleKey = Key("k", heldBy: rleA)
let rleReporter = Role.key("reporter", rleKey).allowUnilateral("files a report; it stops nothing")

let rleModel = Model("CappedBridge") {
    State(rleStolen, rleReported)
    rleCap
    Entities(rleA, rleB)
    Keys(rleKey)
    Roles(rleReporter)
    Action("report", by: rleReporter) { Assign(rleReported, true) }
}

let rleIncident = Incident("Drain", model: rleModel) {
    Attack("drain", while: true) { ctx in
        let amount = ctx.int("amount", 1...20)
        Require(rleStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rleCap, amount)
        Assign(rleStolen, rleStolen + amount)
    }
}

let rleProcedure = Procedure("DailyBudgetEqualCap", model: rleModel, incident: rleIncident) {
    Trigger(now % 100 == 0)
    Step("report", action: "report", by: rleReporter, within: 1_000) { Writes(rleReported) }
    BlastRadius(loss: rleStolen, max: 10, per: 100, window: .fixed)
}
