import RecovDSL
// A 2-day timelock over a 2-of-2 multisig; the procedure promises the freeze within 1 hour.
// Hand-worked: the step's earliest time is 2 days (the timelock's delay), its declared deadline
// 1 hour: it can never run in time, so bounded-intervention must be VIOLATED (or the spec
// rejected at the step's line), never proved.
let ttFrozen = Flag("ttFrozen", initial: false)
let ttA = Entity("TT A"), ttB = Entity("TT B")
let ttK1 = Key("tt-k1", heldBy: ttA), ttK2 = Key("tt-k2", heldBy: ttB)
let ttSafe = Role.multisig("ttSafe", threshold: 2, of: [ttK1, ttK2])
let ttAdmin = Role.timelock("ttAdmin", role: ttSafe, minDelay: 2 * 86_400)
let ttModel = Model("LateTimelock") {
    State(ttFrozen)
    Entities(ttA, ttB)
    Keys(ttK1, ttK2)
    Roles(ttSafe, ttAdmin)
    Action("ttFreeze", by: ttAdmin) { Assign(ttFrozen, true) }
    Claim { _ in IntExpr(0) }
}
let ttIncident = Incident("TT", model: ttModel) { }
let ttProc = Procedure("LateTimelock", model: ttModel, incident: ttIncident) {
    Trigger(!ttFrozen)
    Step("freeze", action: "ttFreeze", by: ttAdmin, within: 3_600) { Writes(ttFrozen) }
}
