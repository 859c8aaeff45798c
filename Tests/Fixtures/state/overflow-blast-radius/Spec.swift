import RecovDSL

// Overflow site: blast radius `after - before`. The loss is `level * 1_000_000_000_000_000`
// (a constant at the documented limit) with `level` in -9000...9000: one attack moves `level`
// from -9000 to 9000, a loss of 1.8e19, beyond 64 bits but exactly decided: blast-radius is
// violated (exit 1), never a crash.
let obLevel = IntVar("level", -9_000...9_000)
let obPaused = Flag("paused", initial: false)
let obA = Entity("A")
let obB = Entity("B")
let obK1 = Key("k1", heldBy: obA)
let obK2 = Key("k2", heldBy: obB)
let obRole = Role.multisig("admins", threshold: 2, of: [obK1, obK2])

let obModel = Model("Levels") {
    State(obLevel, obPaused)
    Entities(obA, obB)
    Keys(obK1, obK2)
    Roles(obRole)
    Action("pause", by: obRole) { Assign(obPaused, true) }
}

let obIncident = Incident("Jump", model: obModel) {
    Attack("jump", while: !obPaused) { Assign(obLevel, 9_000) }
}

let obProc = Procedure("OverflowBlastRadius", model: obModel, incident: obIncident) {
    Trigger(!obPaused && obLevel == -9_000)
    Step("pause", action: "pause", by: obRole, within: 3600) { Writes(obPaused) }
    BlastRadius(loss: obLevel * 1_000_000_000_000_000, max: 1_000_000_000_000_000)
}
