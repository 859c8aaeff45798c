import RecovDSL

// Any interval shorter than 100 s meets at most two cap windows, so at most 2 × 10 is lost in a
// rolling window of 100 s, wherever the trigger is: BlastRadius(max: 20, per: 100) rolling HOLDS.
let rl2Stolen = IntVar("stolen", 0...1_000, initial: 0)
let rl2Reported = Flag("reported", initial: false)
let rl2Cap = RateLimit("withdrawals", max: 10, per: 100)
let rl2A = Entity("A")
let rl2B = Entity("B")
let rl2Key = Key("k", heldBy: rl2A)
let rl2Reporter = Role.key("reporter", rl2Key).allowUnilateral("files a report; it stops nothing")

let rl2Model = Model("CappedBridge") {
    State(rl2Stolen, rl2Reported)
    rl2Cap
    Entities(rl2A, rl2B)
    Keys(rl2Key)
    Roles(rl2Reporter)
    Action("report", by: rl2Reporter) { Assign(rl2Reported, true) }
}

let rl2Incident = Incident("Drain", model: rl2Model) {
    Attack("drain", while: true) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(rl2Stolen + amount <= 1_000)   // modeling bound: keeps it in its declared range
        Spend(rl2Cap, amount)
        Assign(rl2Stolen, rl2Stolen + amount)
    }
}

let rl2Procedure = Procedure("RollingBudgetTwiceCap", model: rl2Model, incident: rl2Incident) {
    Trigger(true)
    Step("report", action: "report", by: rl2Reporter, within: 1_000) { Writes(rl2Reported) }
    BlastRadius(loss: rl2Stolen, max: 20, per: 100)
}
