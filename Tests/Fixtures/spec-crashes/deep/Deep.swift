import RecovDSL

// A 20,000-term sum built in a loop: far deeper than the IR allows.
let deepSum: IntExpr = {
    var e: IntExpr = 1
    for _ in 0..<20_000 { e = e + 1 }
    return e
}()
let deep = Procedure("Deep", model: dVault, incident: dBug) {
    Trigger(deepSum > 3)
    Step("pause", action: "pause", by: dGuardian, within: 1 * hour) { Writes(dPaused) }
}
