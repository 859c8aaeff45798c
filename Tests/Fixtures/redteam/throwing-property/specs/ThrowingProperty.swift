import RecovDSL
// Issue 9 class 4, found 2026-12-03: a throwing static property holding a procedure made by a
// helper that `onTime` also calls. The generated main cannot read a throwing property, so it was
// skipped, LateThrows never created, the helper's call site seen as run: exit 0 with one procedure.
// Hand-worked: an input error at the property (line 30, `late`), exit 2: it cannot be checked.
let wPaused = Flag("wPaused", initial: false)
let wA = Entity("W A"), wB = Entity("W B")
let wK1 = Key("w-k1", heldBy: wA), wK2 = Key("w-k2", heldBy: wB)
let wGuardian = Role.multisig("wGuardian", threshold: 2, of: [wK1, wK2])
let wSlow = Role.timelock("wSlow", role: wGuardian, minDelay: 1 * day)
let wModel = Model("W") {
    State(wPaused)
    Entities(wA, wB)
    Keys(wK1, wK2)
    Roles(wGuardian, wSlow)
    Action("wPause", by: wGuardian, wSlow) { Require(!wPaused); Assign(wPaused, true) }
    Claim { _ in IntExpr(0) }
}
let wIncident = Incident("W incident", model: wModel) {
    Attack("wPoke", while: !wPaused) { Require(!wPaused) }
}
func wMake(_ name: String, by role: Role, within: Int) -> Procedure {
    Procedure(name, model: wModel, incident: wIncident) {
        Trigger(!wPaused)
        Step("pause", action: "wPause", by: role, within: within) { Writes(wPaused) }
        Containment(wPaused, within: 3600)
    }
}
let onTime = wMake("OnTime", by: wGuardian, within: 600)
struct WCatalogue { static var late: Procedure { get throws { wMake("LateThrows", by: wSlow, within: 2 * days) } } }
