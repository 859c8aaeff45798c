// Red team (issue 13): a drain that does nothing until a user counter reaches 12 (+1 per move).
// The pause does not stop it, so the loss needs 13 transitions: within depth 10 blast-radius holds
// and must never be proved; at depth 14 it is violated. Containment (the pause) is really proved.
import RecovDSL


let rtCount = IntVar("rtCount", 0...100, initial: 0)
let rtStolen = IntVar("rtStolen", 0...1_000, initial: 0)
let rtPaused = Flag("rtPaused", initial: false)
let rtWindowOpen = IntVar("rtWindowOpen", 0...1_000_000_000_000, initial: 0)
let rtA = Entity("RT A")
let rtB = Entity("RT B")
let rtK1 = Key("rt-k1", heldBy: rtA)
let rtK2 = Key("rt-k2", heldBy: rtB)
let rtGuard = Role.multisig("rtGuard", threshold: 2, of: [rtK1, rtK2])

let rtModel = Model("RedTeam") {
    State(rtCount, rtStolen, rtPaused, rtWindowOpen)
    Entities(rtA, rtB)
    Keys(rtK1, rtK2)
    Roles(rtGuard)
    Action("rtPause", by: rtGuard) {
        Require(!rtPaused)
        Assign(rtPaused, true)
    }
    UserAction("rtTick") { ctx in
        Require(rtCount < 100)
        Assign(rtCount, rtCount + 1)
    }
    Claim { _ in IntExpr(0) }
}

let rtIncident = Incident("RT incident", model: rtModel) {
    // Fires only once the counter is 12 (never within depth 10): the pause does not stop it.
    Attack("rtLateDrain", while: rtCount >= 0) { _ in
        Require(rtStolen < 1_000)
        Assign(rtStolen, rtStolen + ite(rtCount >= 12, 1, 0))
    }
}

// the budget is tight, so a proof would have to be wrong.
let rtProcedure = Procedure("RedTeamLateDrain", model: rtModel, incident: rtIncident) {
    Trigger(!rtPaused)
    Step("pause", action: "rtPause", by: rtGuard, within: 60) { Writes(rtPaused) }
    Containment(rtPaused, within: 60)
    BlastRadius(loss: rtStolen, max: 0)
}
