import RecovDSL

// Issue 9, class 3: a timelock's grace period. The council queues the step through a timelock
// with a 1h delay and a 1h grace: it can run from 1h to 2h after the trigger, then the queued
// operation expires. The action needs `grReady` or 3h to have passed since the trigger (t = 0).
// Hand-worked verdicts: bounded-intervention VIOLATED (with grReady false the step cannot run
// before its operation expires at 2h: the procedure is blocked at 2h); sanity holds (with
// grReady true the step runs at 1h). Before the fix grace was ignored, the deadline was the
// step's within: 5h, the step ran at 3h and bounded-intervention held.

let grReady = Flag("grReady")
let grDone = Flag("grDone", initial: false)
let grAlice = Entity("GR Alice")
let grBob = Entity("GR Bob")
let grK1 = Key("gr-k1", heldBy: grAlice)
let grK2 = Key("gr-k2", heldBy: grBob)
let grCouncil = Role.multisig("grCouncil", threshold: 2, of: [grK1, grK2])
let grLock = Role.timelock("grLock", role: grCouncil, minDelay: 3_600, grace: 3_600)

let grModel = Model("GraceExpiry") {
    State(grReady, grDone)
    Entities(grAlice, grBob)
    Keys(grK1, grK2)
    Roles(grCouncil, grLock)
    Action("grExecute", by: grLock) {
        Require(!grDone && (now >= IntExpr(3 * 3_600) || grReady))
        Assign(grDone, true)
    }
    Claim { _ in IntExpr(0) }
}

let grIncident = Incident("GR bug", model: grModel) {}

let grProcedure = Procedure("GRExecuteBeforeExpiry", model: grModel, incident: grIncident) {
    Trigger(now == 0 && !grDone)
    Step("execute", action: "grExecute", by: grLock, within: 5 * 3_600) { Writes(grDone) }
}
