import RecovDSL

// Spends within the cap hold. Trigger at time 0, nothing spent yet; the attacker may drain only
// while now < 100, i.e. in window 0 = [0, 100) of the cap (10 per 100 s). Each drain spends its amount;
// a second drain that would take the window past 10 is refused. So at most 10 is ever stolen:
// BlastRadius(max: 10) over the whole trace HOLDS (hand-worked: 10 + anything > 10 is refused).
let rlwStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlwReported = Flag("reported", initial: false)
let rlwCap = RateLimit("withdrawals", max: 10, per: 100, usedAtTrigger: 0)
let rlwA = Entity("A")
let rlwB = Entity("B")
let rlwKey = Key("k", heldBy: rlwA)
let rlwReporter = Role.key("reporter", rlwKey).allowUnilateral("files a report; it stops nothing")

let rlwModel = Model("CappedBridge") {
    State(rlwStolen, rlwReported)
    rlwCap
    Entities(rlwA, rlwB)
    Keys(rlwKey)
    Roles(rlwReporter)
    Action("report", by: rlwReporter) { Assign(rlwReported, true) }
}

let rlwIncident = Incident("Drain", model: rlwModel) {
    Attack("drain", while: now < 100) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rlwStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rlwCap, amount)
        Assign(rlwStolen, rlwStolen + amount)
    }
}

let rlwProcedure = Procedure("WithinCap", model: rlwModel, incident: rlwIncident) {
    Trigger(now == 0)
    Step("report", action: "report", by: rlwReporter, within: 1_000) { Writes(rlwReported) }
    BlastRadius(loss: rlwStolen, max: 10)
}
