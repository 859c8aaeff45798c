import RecovDSL
// MaxDuration and Window at the boundary (pause within 1h, unpause 1h..N after it). Hand-worked:
// - MDExact: unpause within 8h of the pause, MaxDuration 8h, Window 9h: holds.
// - MDOver: unpause may come 8h 1s after the pause: bounded-intervention VIOLATED ("still holds 8h 1s").
// - MDUnder: within 7h, Window 8h (1h + 7h): holds. MDWindowShort: Window 8h - 1s: VIOLATED.
let mdPaused = Flag("mdPaused", initial: false)
let mdA = Entity("MD A"), mdB = Entity("MD B")
let mdK1 = Key("md-k1", heldBy: mdA), mdK2 = Key("md-k2", heldBy: mdB)
let mdGuardian = Role.multisig("mdGuardian", threshold: 2, of: [mdK1, mdK2])
let mdModel = Model("MD") {
    State(mdPaused)
    Entities(mdA, mdB)
    Keys(mdK1, mdK2)
    Roles(mdGuardian)
    Action("pause", by: mdGuardian) { Require(!mdPaused); Assign(mdPaused, true) }
    Action("unpause", by: mdGuardian) { Require(mdPaused); Assign(mdPaused, false) }
    Claim { _ in IntExpr(0) }
}
let mdIncident = Incident("MD", model: mdModel) {
    Attack("mdPoke", while: !mdPaused) { Require(!mdPaused) }
}
func mdProc(_ name: String, unpauseWithin: Int, maxDuration: Int, window: Int, file: String = #filePath, line: Int = #line) -> Procedure {
    Procedure(name, model: mdModel, incident: mdIncident, file: file, line: line) {
        Trigger(!mdPaused)
        Step("pause", action: "pause", by: mdGuardian, within: 1 * hour) { Writes(mdPaused); MaxDuration(mdPaused, maxDuration) }
        Step("unpause", action: "unpause", by: mdGuardian, after: 1 * hour, within: unpauseWithin) { Writes(mdPaused) }
        Window(window)
    }
}
let mdExact = mdProc("MDExact", unpauseWithin: 8 * hours, maxDuration: 8 * hours, window: 9 * hours)
let mdOver = mdProc("MDOver", unpauseWithin: 8 * hours + 1, maxDuration: 8 * hours, window: 10 * hours)
let mdUnder = mdProc("MDUnder", unpauseWithin: 7 * hours, maxDuration: 8 * hours, window: 8 * hours)
let mdWindowShort = mdProc("MDWindowShort", unpauseWithin: 7 * hours, maxDuration: 8 * hours, window: 8 * hours - 1)
