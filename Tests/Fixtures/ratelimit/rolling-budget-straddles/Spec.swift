import RecovDSL

// A cap per fixed window does not bound a rolling window by the cap: 10 at T + 99 and 10 at T + 100
// (a new cap window) are 1 s apart. BlastRadius(max: 10, per: 100) rolling is VIOLATED with 20 lost
// in one rolling window (a daily cap lets twice the cap out around midnight).
let rlrStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlrReported = Flag("reported", initial: false)
let rlrCap = RateLimit("withdrawals", max: 10, per: 100)
let rlrA = Entity("A")
let rlrB = Entity("B")
let rlrKey = Key("k", heldBy: rlrA)
let rlrReporter = Role.key("reporter", rlrKey).allowUnilateral("files a report; it stops nothing")

let rlrModel = Model("CappedBridge") {
    State(rlrStolen, rlrReported)
    rlrCap
    Entities(rlrA, rlrB)
    Keys(rlrKey)
    Roles(rlrReporter)
    Action("report", by: rlrReporter) { Assign(rlrReported, true) }
}

let rlrIncident = Incident("Drain", model: rlrModel) {
    Attack("drain", while: true) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rlrStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rlrCap, amount)
        Assign(rlrStolen, rlrStolen + amount)
    }
}

let rlrProcedure = Procedure("RollingBudgetStraddles", model: rlrModel, incident: rlrIncident) {
    Trigger(now % 100 == 0)
    Step("report", action: "report", by: rlrReporter, within: 1_000) { Writes(rlrReported) }
    BlastRadius(loss: rlrStolen, max: 10, per: 100)
}
