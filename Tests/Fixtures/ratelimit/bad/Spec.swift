import RecovDSL

// Rate-limit mistakes, each reported at its line (exit 2): a negative cap (line 9), a window of 0 s
// (line 10), a spend of a limit the model does not declare (line 20), the same limit spent twice in
// one action (line 22).
let rlxStolen = IntVar("stolen", 0...1_000, initial: 0)
let rlxReported = Flag("reported", initial: false)
let rlxCap = RateLimit("withdrawals", max: 10, per: 100)
let rlxNegative = RateLimit("negative", max: -1, per: 100)
let rlxInstant = RateLimit("instant", max: 10, per: 0)
let rlxUndeclared = RateLimit("undeclared", max: 10, per: 100)
let rlxA = Entity("A")
let rlxKey = Key("k", heldBy: rlxA)
let rlxReporter = Role.key("reporter", rlxKey).allowUnilateral("files a report; it stops nothing")

let rlxModel = Model("BadCaps") {
    State(rlxStolen, rlxReported)
    rlxCap; rlxNegative; rlxInstant
    UserAction("withdraw") { ctx in
        Spend(rlxUndeclared, ctx.int("amount", 1...10))
        Spend(rlxCap, 1)
        Spend(rlxCap, 2)
    }
    Entities(rlxA)
    Keys(rlxKey)
    Roles(rlxReporter)
    Action("report", by: rlxReporter) { Assign(rlxReported, true) }
}

let rlxIncident = Incident("Drain", model: rlxModel) {
    Attack("drain", while: true) { Assign(rlxStolen, rlxStolen + 1) }
}

let rlxProcedure = Procedure("BadCaps", model: rlxModel, incident: rlxIncident) {
    Trigger(true)
    Step("report", action: "report", by: rlxReporter, within: 1_000) { Writes(rlxReported) }
}
