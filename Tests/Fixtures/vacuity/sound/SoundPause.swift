import RecovDSL

// The control case of the vacuity fixtures: the attack fires before the pause, containment
// (`soundPaused`) is false at the trigger and reached by the step. Every sanity cover holds; the
// blast radius of 100 is exceeded (one drain of up to 100 per transition before the pause at
// depth 2 loses up to 200): blast-radius violated, everything else holds; exit 1.

let soundPaused = Flag("soundPaused", initial: false)
let soundLost = IntVar("soundLost", 0...1_000, initial: 0)
let soundDeposits = AccountMap("soundDeposits", 0...1_000)
let soundA = Entity("Sound A")
let soundB = Entity("Sound B")
let soundKeyA = Key("sound-a", heldBy: soundA)
let soundKeyB = Key("sound-b", heldBy: soundB)
let soundGuardian = Role.multisig("soundGuardian", threshold: 2, of: [soundKeyA, soundKeyB])

let soundModel = Model("SoundPool") {
    State(soundPaused, soundLost, soundDeposits)
    Entities(soundA, soundB)
    Keys(soundKeyA, soundKeyB)
    Roles(soundGuardian)
    Claim { a in soundDeposits[a] }
    Action("pauseSound", by: soundGuardian) { Require(!soundPaused); Assign(soundPaused, true) }
}

let soundBug = Incident("SoundBug", model: soundModel) {
    Attack("drain", while: !soundPaused) { ctx in
        let amount = ctx.int("amount", 1...100)
        Assign(soundLost, soundLost + amount)
    }
}

let soundPause = Procedure("SoundPause", model: soundModel, incident: soundBug) {
    Trigger(!soundPaused)
    Step("pause", action: "pauseSound", by: soundGuardian, within: 3_600) { Writes(soundPaused) }
    Containment(soundPaused, within: 3_600)
    BlastRadius(loss: soundLost, max: 100)
}
