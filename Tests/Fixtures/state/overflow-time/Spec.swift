import RecovDSL

// Overflow site: ticks and deadlines. Every timing constant is at the documented limit (10^15 s):
// the step waits 10^15 s and must run within 10^15 s, the window and containment budget are
// 10^15 s, and the attack's cool-down is 10^15 s. The attacker kills the feed the step needs,
// so the step is blocked at its deadline and the protocol is never contained:
// containment-time is violated (exit 1), never a crash.
let otFeedUp = Flag("feedUp", initial: true)
let otPaused = Flag("paused", initial: false)
let otNext = IntVar("next", 0...1_000_000_000_000_000, initial: 0)
let otA = Entity("A")
let otB = Entity("B")
let otK1 = Key("k1", heldBy: otA)
let otK2 = Key("k2", heldBy: otB)
let otRole = Role.multisig("admins", threshold: 2, of: [otK1, otK2])

let otModel = Model("Clock") {
    State(otFeedUp, otPaused, otNext)
    Entities(otA, otB)
    Keys(otK1, otK2)
    Roles(otRole)
    Action("pause", by: otRole) { Require(otFeedUp); Assign(otPaused, true) }
}

let otIncident = Incident("KillFeed", model: otModel) {
    Attack("killFeed", while: otFeedUp) { Assign(otFeedUp, false) }
    Attack("poke", while: !otPaused) {
        Require(now >= otNext && now <= 1_000_000_000_000_000)
        Assign(otNext, now + 1_000_000_000_000_000)
    }
}

let otProc = Procedure("OverflowTime", model: otModel, incident: otIncident) {
    Trigger(!otPaused && otFeedUp)
    Step("pause", action: "pause", by: otRole, after: 1_000_000_000_000_000, within: 1_000_000_000_000_000) { Writes(otPaused) }
    Containment(otPaused, within: 1_000_000_000_000_000)
    Window(1_000_000_000_000_000)
}
