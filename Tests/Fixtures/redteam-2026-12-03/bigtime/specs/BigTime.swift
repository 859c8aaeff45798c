import RecovDSL
// A trigger that needs now >= 10^30: every counterexample needs a value beyond 64 bits.
// Hand-worked: no-collateral-loss, containment-time, blast-radius and invariant are violated in
// the solver's integers, but no trace replays in 64 bits: each is an ERROR (integer overflow),
// exit 2; never a crash, never a pass.
let btzPaused = Flag("btzPaused", initial: false)
let btzOut = IntVar("btzOut", 0...100, initial: 0)
let btzBal = AccountMap("btzBal", 0...10)
let btzA = Entity("BTZ A"), btzB = Entity("BTZ B")
let btzK1 = Key("btz-k1", heldBy: btzA), btzK2 = Key("btz-k2", heldBy: btzB)
let btzGuardian = Role.multisig("btzGuardian", threshold: 2, of: [btzK1, btzK2])
let btzModel = Model("BigTime") {
    State(btzPaused, btzOut, btzBal)
    Entities(btzA, btzB)
    Keys(btzK1, btzK2)
    Roles(btzGuardian)
    Action("pause", by: btzGuardian) { Require(!btzPaused); Assign(btzPaused, true) }
    Claim { a in btzBal[a] }
    Invariant("small", btzOut <= 5)
}
let btzIncident = Incident("BTZ", model: btzModel) {
    Attack("leak", while: !btzPaused) { ctx in
        let v = ctx.account("v")
        Require(btzOut < 100)
        Assign(btzOut, btzOut + 10)
        Assign(btzBal[v], 0)
    }
}
let btzProc = Procedure("BTZPause", model: btzModel, incident: btzIncident) {
    Trigger(!btzPaused && now >= IntExpr(1_000_000_000_000_000) * IntExpr(1_000_000_000_000_000))
    Step("pause", action: "pause", by: btzGuardian, within: 600) { Writes(btzPaused) }
    Containment(btzPaused, within: 300)
    BlastRadius(loss: btzOut, max: 5)
}
