import RecovDSL

// A budget per window fails with a cap above it. As budget-equal-cap-holds with a cap of 15: one
// window loses up to 15 > 10. BlastRadius(max: 10, per: 100, .fixed) is VIOLATED (worst case 15).
let rlbStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlbReported = Flag("reported", initial: false)
let rlbCap = RateLimit("withdrawals", max: 15, per: 100)
let rlbA = Entity("A")
let rlbB = Entity("B")
let rlbKey = Key("k", heldBy: rlbA)
let rlbReporter = Role.key("reporter", rlbKey).allowUnilateral("files a report; it stops nothing")

let rlbModel = Model("CappedBridge") {
    State(rlbStolen, rlbReported)
    rlbCap
    Entities(rlbA, rlbB)
    Keys(rlbKey)
    Roles(rlbReporter)
    Action("report", by: rlbReporter) { Assign(rlbReported, true) }
}

let rlbIncident = Incident("Drain", model: rlbModel) {
    Attack("drain", while: true) { ctx in
        let amount = ctx.int("amount", 1...20)
        Require(rlbStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rlbCap, amount)
        Assign(rlbStolen, rlbStolen + amount)
    }
}

let rlbProcedure = Procedure("DailyBudgetBelowCap", model: rlbModel, incident: rlbIncident) {
    Trigger(now % 100 == 0)
    Step("report", action: "report", by: rlbReporter, within: 1_000) { Writes(rlbReported) }
    BlastRadius(loss: rlbStolen, max: 10, per: 100, window: .fixed)
}
