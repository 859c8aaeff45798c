import RecovDSL

// Hand-worked (issue 9, item 6): the attack `drain` needs `poolReserve >= amount >= 1`, but the
// incident assumes the reserve starts at 0 and nothing ever adds to it, so `drain` can never
// fire: every property "holds" about an attack that cannot happen (the blast radius of 0 holds,
// exit 0, before the fix). Right verdict: sanity error at the attack's line, naming the
// assumption 'emptyReserve' that rules it out; exit 2.

let poolReserve = IntVar("poolReserve", 0...1_000)
let poolLost = IntVar("poolLost", 0...1_000, initial: 0)
let poolPaused = Flag("poolPaused", initial: false)
let poolDeposits = AccountMap("poolDeposits", 0...1_000)
let poolSignerA = Entity("Pool Signer A")
let poolSignerB = Entity("Pool Signer B")
let poolKeyA = Key("pool-a", heldBy: poolSignerA)
let poolKeyB = Key("pool-b", heldBy: poolSignerB)
let poolGuardian = Role.multisig("poolGuardian", threshold: 2, of: [poolKeyA, poolKeyB])

let poolModel = Model("ReservePool") {
    State(poolReserve, poolLost, poolPaused, poolDeposits)
    Entities(poolSignerA, poolSignerB)
    Keys(poolKeyA, poolKeyB)
    Roles(poolGuardian)
    Claim { a in poolDeposits[a] }
    Action("pausePool", by: poolGuardian) { Require(!poolPaused); Assign(poolPaused, true) }
}

let poolDrain = Incident("PoolDrain", model: poolModel) {
    Assume("emptyReserve", poolReserve == 0)
    Attack("drain", while: !poolPaused) { ctx in
        let amount = ctx.int("amount", 1...100)
        Require(poolReserve >= amount)
        Assign(poolReserve, poolReserve - amount)
        Assign(poolLost, poolLost + amount)
    }
}

let poolPauseProcedure = Procedure("PoolPause", model: poolModel, incident: poolDrain) {
    Trigger(!poolPaused)
    Step("pause", action: "pausePool", by: poolGuardian, within: 3_600) { Writes(poolPaused) }
    BlastRadius(loss: poolLost, max: 0)
}
