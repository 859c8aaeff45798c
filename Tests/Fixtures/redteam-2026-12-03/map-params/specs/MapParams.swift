import RecovDSL
// Two account maps with initial values (mpA: 3, mpB: 4 for every account) and steps with two or
// three account parameters. A user may raise its own mpA entry by 1 (up to 10).
// Hand-worked:
// - MPMatch: step needs a != b && mpA[a] + mpB[b] == 7: any two untouched accounts give 3 + 4:
//   never blocked: bounded-intervention and containment-time hold (or proved).
// - MPCross: step needs a != b && mpA[a] == mpB[b]: untouched accounts give 3 == 4, false; only
//   after a user raises some mpA to 4 can it run. In a trace with no user move it is blocked at
//   its deadline: bounded-intervention VIOLATED (and containment-time VIOLATED).
// - MPThree: three distinct accounts with pairwise different mpA: all start at 3, a trace with no
//   user move blocks it: bounded-intervention VIOLATED.
// no-collateral-loss holds everywhere (only the caller's own entry changes, and only upwards).
let mpA = AccountMap("mpA", 0...10, initial: 3)
let mpB = AccountMap("mpB", 0...10, initial: 4)
let mpDone = Flag("mpDone", initial: false)
let mpX = Entity("MP X"), mpY = Entity("MP Y")
let mpK1 = Key("mp-k1", heldBy: mpX), mpK2 = Key("mp-k2", heldBy: mpY)
let mpGuardian = Role.multisig("mpGuardian", threshold: 2, of: [mpK1, mpK2])
let mpModel = Model("MapParams") {
    State(mpA, mpB, mpDone)
    Entities(mpX, mpY)
    Keys(mpK1, mpK2)
    Roles(mpGuardian)
    Action("match", by: mpGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b")
        Require(!mpDone && a != b && mpA[a] + mpB[b] == 7)
        Assign(mpDone, true)
    }
    Action("cross", by: mpGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b")
        Require(!mpDone && a != b && mpA[a] == mpB[b])
        Assign(mpDone, true)
    }
    Action("three", by: mpGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b"), c = ctx.account("c")
        Require(!mpDone && a != b && b != c && a != c && mpA[a] != mpA[b] && mpA[b] != mpA[c] && mpA[a] != mpA[c])
        Assign(mpDone, true)
    }
    UserAction("bump") { ctx in
        Require(mpA[ctx.caller] < 10)
        Assign(mpA[ctx.caller], mpA[ctx.caller] + 1)
    }
    Claim { a in mpA[a] }
}
let mpIncident = Incident("MP", model: mpModel) {
    Attack("mpPoke", while: !mpDone) { Require(!mpDone) }
}
let mpMatch = Procedure("MPMatch", model: mpModel, incident: mpIncident) {
    Trigger(!mpDone)
    Step("match", action: "match", by: mpGuardian, within: 600) { Writes(mpDone) }
    Containment(mpDone, within: 600)
}
let mpCross = Procedure("MPCross", model: mpModel, incident: mpIncident) {
    Trigger(!mpDone)
    Step("cross", action: "cross", by: mpGuardian, within: 600) { Writes(mpDone) }
    Containment(mpDone, within: 600)
}
let mpThree = Procedure("MPThree", model: mpModel, incident: mpIncident) {
    Trigger(!mpDone)
    Step("three", action: "three", by: mpGuardian, within: 600) { Writes(mpDone) }
    Containment(mpDone, within: 600)
}
