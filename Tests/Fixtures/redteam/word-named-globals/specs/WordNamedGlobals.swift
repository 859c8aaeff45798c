import RecovDSL
// Issue 9 class 4, found 2026-12-03: a global whose name repeats a word of the spec module's name
// (`lateSpec`: "Spec" of RecovSpec) has a USR with a word substitution, was not recognised as a
// global, and was never read; its Procedure( call site (in a helper) also runs for `onTime`, so
// the safety net saw nothing: LateSpec was silently unchecked and the run passed (exit 0).
// Hand-worked: OnTime holds everywhere; LateSpec's step waits for wSlow's 1-day delay but
// containment is promised within 1h: containment-time VIOLATED; LatePunycode (held by the
// non-ASCII `latéProc`) likewise. Exit 1, three procedures.
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
let lateSpec = wMake("LateSpec", by: wSlow, within: 2 * days)
let latéProc = wMake("LatePunycode", by: wSlow, within: 2 * days)   // a non-ASCII name is punycoded in the USR: the same bug
