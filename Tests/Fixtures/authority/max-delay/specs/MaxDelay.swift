import RecovDSL

// Issue 9, class 3: `maxDelay` of a timelock was accepted and never used. The delay is minDelay
// and no action changes it, so maxDelay is rejected at its line (a compile error naming it).

let mdPaused = Flag("mdPaused", initial: false)
let mdAlice = Entity("MD Alice")
let mdK1 = Key("md-k1", heldBy: mdAlice)
let mdKey = Role.key("mdKey", mdK1)
let mdLock = Role.timelock("mdLock", role: mdKey, minDelay: 60, maxDelay: 600)

let mdModel = Model("MaxDelay") {
    State(mdPaused)
    Entities(mdAlice)
    Keys(mdK1)
    Roles(mdKey, mdLock)
    MinCoalition(1)
    Action("mdPause", by: mdLock) { Require(!mdPaused); Assign(mdPaused, true) }
    Claim { _ in IntExpr(0) }
}

let mdIncident = Incident("MD bug", model: mdModel) {}

let mdProcedure = Procedure("MDPause", model: mdModel, incident: mdIncident) {
    Trigger(!mdPaused)
    Step("pause", action: "mdPause", by: mdLock, within: 600) { Writes(mdPaused) }
}
