import RecovDSL

// The attacker can drain 10 once an hour, and can kill the price feed the pause needs. With the
// feed dead the pause is blocked at its deadline (1h). A blocked procedure stops neither the
// clock nor the attacker: drains at t+0, t+1h, t+2h lose 30 > 20, so blast-radius is violated
// (depth 6: drain, kill feed, 1h, drain, 1h, drain). When time froze at the blocked step, only
// the drains at t+0 and t+1h fitted: "20 lost", a wrong pass.
let btStolen = IntVar("stolen", 0...1_000_000_000, initial: 0)
let btNextDrain = IntVar("nextDrain", 0...1_000_000_000_000, initial: 0)
let btFeedUp = Flag("feedUp", initial: true)
let btPaused = Flag("paused", initial: false)
let btA = Entity("A")
let btB = Entity("B")
let btK1 = Key("k1", heldBy: btA)
let btK2 = Key("k2", heldBy: btB)
let btGuardian = Role.multisig("guardian", threshold: 2, of: [btK1, btK2])

let btModel = Model("Pool") {
    State(btStolen, btNextDrain, btFeedUp, btPaused)
    Entities(btA, btB)
    Keys(btK1, btK2)
    Roles(btGuardian)
    Action("pause", by: btGuardian) {
        Require(btFeedUp)
        Assign(btPaused, true)
    }
}

let btIncident = Incident("DrainAndKillFeed", model: btModel) {
    Attack("drain", while: !btPaused) {
        Require(now >= btNextDrain && btStolen <= 1_000_000)
        Assign(btStolen, btStolen + 10)
        Assign(btNextDrain, now + 3600)
    }
    Attack("killFeed", while: btFeedUp) {
        Assign(btFeedUp, false)
    }
}

let btProc = Procedure("BlockedTimeGoesOn", model: btModel, incident: btIncident) {
    Trigger(!btPaused && btFeedUp)
    Step("pause", action: "pause", by: btGuardian, within: 1 * 3600) { Writes(btPaused) }
    BlastRadius(loss: btStolen, max: 20)
}
