import RecovDSL

// A spend in the next window is allowed. As within-cap-holds but the attacker may drain while
// now < 200: 10 in window 0 = [0, 100), then, from time 100 on, the usage restarts at 0 and
// another 10 in window 1. BlastRadius(max: 10) over the whole trace is VIOLATED: 20 lost.
let rlnStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlnReported = Flag("reported", initial: false)
let rlnCap = RateLimit("withdrawals", max: 10, per: 100, usedAtTrigger: 0)
let rlnA = Entity("A")
let rlnB = Entity("B")
let rlnKey = Key("k", heldBy: rlnA)
let rlnReporter = Role.key("reporter", rlnKey).allowUnilateral("files a report; it stops nothing")

let rlnModel = Model("CappedBridge") {
    State(rlnStolen, rlnReported)
    rlnCap
    Entities(rlnA, rlnB)
    Keys(rlnKey)
    Roles(rlnReporter)
    Action("report", by: rlnReporter) { Assign(rlnReported, true) }
}

let rlnIncident = Incident("Drain", model: rlnModel) {
    Attack("drain", while: now < 200) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rlnStolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rlnCap, amount)
        Assign(rlnStolen, rlnStolen + amount)
    }
}

let rlnProcedure = Procedure("NextWindowAllowed", model: rlnModel, incident: rlnIncident) {
    Trigger(now == 0)
    Step("report", action: "report", by: rlnReporter, within: 1_000) { Writes(rlnReported) }
    BlastRadius(loss: rlnStolen, max: 10)
}
