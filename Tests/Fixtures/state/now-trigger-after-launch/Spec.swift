import RecovDSL

// The same launch-period bug, but the procedure is triggered only from t = 100 s on
// (`Trigger(now >= 100)`), and time only grows: `now < 100` is false in every reachable state, so
// the attack can never fire. A pass would be vacuous: sanity reports the attack that never
// fires, naming the trigger that rules it out (exit 2, no counterexample).
let ntaMinted = IntVar("minted", 0...10, initial: 0)
let ntaPaused = Flag("paused", initial: false)
let ntaA = Entity("A")
let ntaB = Entity("B")
let ntaK1 = Key("k1", heldBy: ntaA)
let ntaK2 = Key("k2", heldBy: ntaB)
let ntaRole = Role.multisig("admins", threshold: 2, of: [ntaK1, ntaK2])

let ntaModel = Model("LaunchLate") {
    State(ntaMinted, ntaPaused)
    Entities(ntaA, ntaB)
    Keys(ntaK1, ntaK2)
    Roles(ntaRole)
    Action("pause", by: ntaRole) { Assign(ntaPaused, true) }
    Invariant("nothing minted", ntaMinted == 0)
}

let ntaIncident = Incident("EarlyMintLate", model: ntaModel) {
    Attack("earlyMint", while: !ntaPaused) {
        Require(now < 100 && ntaMinted < 10)
        Assign(ntaMinted, ntaMinted + 1)
    }
}

let ntaProc = Procedure("NowTriggerAfterLaunch", model: ntaModel, incident: ntaIncident) {
    Trigger(!ntaPaused && now >= 100)
    Step("pause", action: "pause", by: ntaRole, within: 3600) { Writes(ntaPaused) }
}
