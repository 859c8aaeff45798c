import RecovDSL
// Two leaks of 5 each, the first at the trigger (time 0), the second at a fixed later time.
// BlastRadius 5 per 1d. Hand-worked:
// - WNRollDay (second at 1d, rolling): 1d - 0 = 1d is not < 1d: different windows: holds.
// - WNRollEarly (second at 1d - 1s, rolling): within one window, 10 > 5: VIOLATED.
// - WNFixedDay (second at 1d, fixed from the trigger): window 1: holds.
// - WNFixedEarly (second at 1d - 1s, fixed): window 0, 10 > 5: VIOLATED.
// - WNClaim: the claim is wnBal[a] until 5d, then 0 (time passing lowers it, no one initiated):
//   no-collateral-loss VIOLATED through time passing.
let wnFirst = Flag("wnFirst", initial: false)
let wnSecond = Flag("wnSecond", initial: false)
let wnOut = IntVar("wnOut", 0...100, initial: 0)
let wnBal = AccountMap("wnBal", 0...10)
let wnA = Entity("WN A"), wnB = Entity("WN B")
let wnK1 = Key("wn-k1", heldBy: wnA), wnK2 = Key("wn-k2", heldBy: wnB)
let wnGuardian = Role.multisig("wnGuardian", threshold: 2, of: [wnK1, wnK2])
func wnModel(_ name: String, at second: Int, claim: @escaping (AccountExpr) -> IntExpr) -> (Model, Incident) {
    let model = Model(name) {
        State(wnFirst, wnSecond, wnOut, wnBal)
        Entities(wnA, wnB)
        Keys(wnK1, wnK2)
        Roles(wnGuardian)
        Action("noop", by: wnGuardian) { Require(now >= 0) }
        Claim { a in claim(a) }
    }
    let incident = Incident(name + " leaks", model: model) {
        Attack("first", while: !wnFirst) { Require(now == 0); Assign(wnFirst, true); Assign(wnOut, wnOut + 5) }
        Attack("second", while: !wnSecond) { Require(now == IntExpr(second)); Assign(wnSecond, true); Assign(wnOut, wnOut + 5) }
    }
    return (model, incident)
}
let (wnDayModel, wnDayIncident) = wnModel("WNDay", at: 1 * day) { a in wnBal[a] }
let (wnEarlyModel, wnEarlyIncident) = wnModel("WNEarly", at: 1 * day - 1) { a in wnBal[a] }
let (wnClaimModel, wnClaimIncident) = wnModel("WNClaimM", at: 1 * day) { a in ite(now >= IntExpr(5 * days), IntExpr(0), wnBal[a]) }
let wnRollDay = Procedure("WNRollDay", model: wnDayModel, incident: wnDayIncident) {
    Trigger(now == 0 && !wnFirst && !wnSecond && wnOut == 0)
    Step("noop", action: "noop", by: wnGuardian, within: 10 * days)
    BlastRadius(loss: wnOut, max: 5, per: 1 * day)
}
let wnRollEarly = Procedure("WNRollEarly", model: wnEarlyModel, incident: wnEarlyIncident) {
    Trigger(now == 0 && !wnFirst && !wnSecond && wnOut == 0)
    Step("noop", action: "noop", by: wnGuardian, within: 10 * days)
    BlastRadius(loss: wnOut, max: 5, per: 1 * day)
}
let wnFixedDay = Procedure("WNFixedDay", model: wnDayModel, incident: wnDayIncident) {
    Trigger(now == 0 && !wnFirst && !wnSecond && wnOut == 0)
    Step("noop", action: "noop", by: wnGuardian, within: 10 * days)
    BlastRadius(loss: wnOut, max: 5, per: 1 * day, window: .fixed)
}
let wnFixedEarly = Procedure("WNFixedEarly", model: wnEarlyModel, incident: wnEarlyIncident) {
    Trigger(now == 0 && !wnFirst && !wnSecond && wnOut == 0)
    Step("noop", action: "noop", by: wnGuardian, within: 10 * days)
    BlastRadius(loss: wnOut, max: 5, per: 1 * day, window: .fixed)
}
let wnClaim = Procedure("WNClaim", model: wnClaimModel, incident: wnClaimIncident) {
    Trigger(now == 0 && !wnFirst && !wnSecond && wnOut == 0)
    Step("noop", action: "noop", by: wnGuardian, within: 10 * days)
}
