import RecovDSL

// `now` in expressions: before the launch at t = 100 s anyone can mint (a launch-period bug).
// The trigger time is any T >= 0, so the incident may be detected at T = 0, before the launch:
// the attack mints at once and `minted == 0` fails after one transition. `invariant` is
// violated at depth 1, in a trace whose clock starts below 100.
let nblMinted = IntVar("minted", 0...10, initial: 0)
let nblPaused = Flag("paused", initial: false)
let nblA = Entity("A")
let nblB = Entity("B")
let nblK1 = Key("k1", heldBy: nblA)
let nblK2 = Key("k2", heldBy: nblB)
let nblRole = Role.multisig("admins", threshold: 2, of: [nblK1, nblK2])

let nblModel = Model("Launch") {
    State(nblMinted, nblPaused)
    Entities(nblA, nblB)
    Keys(nblK1, nblK2)
    Roles(nblRole)
    Action("pause", by: nblRole) { Assign(nblPaused, true) }
    Invariant("nothing minted", nblMinted == 0)
}

let nblIncident = Incident("EarlyMint", model: nblModel) {
    Attack("earlyMint", while: !nblPaused) {
        Require(now < 100 && nblMinted < 10)
        Assign(nblMinted, nblMinted + 1)
    }
}

let nblProc = Procedure("NowBeforeLaunch", model: nblModel, incident: nblIncident) {
    Trigger(!nblPaused)
    Step("pause", action: "pause", by: nblRole, within: 3600) { Writes(nblPaused) }
}
