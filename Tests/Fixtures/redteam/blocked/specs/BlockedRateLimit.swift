import RecovDSL
// Issue 9 class 7, held-out form: the loss is paced by a daily rate limit (10 per UTC day), so it
// grows only as time passes. The attacker jams the pause (brJammed) so the step is blocked at its
// 1-hour deadline. Hand-worked: before the deadline at most 20 can leave (the cap of the trigger's
// day, plus the next day's if midnight falls within the hour); after the block, time goes on and
// 10 more leave every day, so the whole-trace budget of 25 is exceeded (e.g. jam, spend 10, time,
// spend 10, time, spend 10: 30 > 25, 7 transitions <= --depth 10).
// blast-radius VIOLATED (a frozen clock at the block would wrongly hold at 20);
// bounded-intervention VIOLATED (blocked); containment-time VIOLATED. Exit 1.
let brPaused = Flag("brPaused", initial: false)
let brJammed = Flag("brJammed", initial: false)
let brOut = IntVar("brOut", 0...1_000_000, initial: 0)
let brDaily = RateLimit("brDaily", max: 10, per: 1 * day)
let brA = Entity("BR A"), brB = Entity("BR B")
let brK1 = Key("br-k1", heldBy: brA), brK2 = Key("br-k2", heldBy: brB)
let brGuardian = Role.multisig("brGuardian", threshold: 2, of: [brK1, brK2])
let brModel = Model("BlockedRateLimit") {
    State(brPaused, brJammed, brOut)
    Entities(brA, brB)
    Keys(brK1, brK2)
    Roles(brGuardian)
    brDaily
    Action("brPause", by: brGuardian) { Require(!brPaused && !brJammed); Assign(brPaused, true) }
    Claim { _ in IntExpr(0) }
}
let brIncident = Incident("BR", model: brModel) {
    Attack("brJam", while: !brPaused) { Assign(brJammed, true) }
    Attack("brForge", while: !brPaused) { ctx in
        let amount = ctx.int("amount", 1...10)
        Spend(brDaily, amount)
        Require(brOut + amount <= 1_000_000)
        Assign(brOut, brOut + amount)
    }
}
let brProc = Procedure("BRPause", model: brModel, incident: brIncident) {
    Trigger(!brPaused && !brJammed)
    Step("pause", action: "brPause", by: brGuardian, within: 1 * hour) { Writes(brPaused) }
    Containment(brPaused, within: 1 * hour)
    BlastRadius(loss: brOut, max: 25)
}
