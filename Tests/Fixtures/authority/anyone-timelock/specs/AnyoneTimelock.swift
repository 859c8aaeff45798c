import RecovDSL

// Issue 9, class 1: a privileged action whose role is a timelock over `Role.anyone`. Nobody is
// compromised and nothing can be borrowed, yet anyone (the attacker included) satisfies the
// role: after the delay the attacker sweeps the pool.
// Hand-worked verdicts: blast-radius VIOLATED (stolen 0 → 100 > 0: the sweep is a one-step
// trace, the attacker's delay having been waited before the trigger); no-unilateral-control
// VIOLATED (the empty coalition satisfies 'atSweep'); no-collateral-loss VIOLATED (the
// attacker's sweep lowers every account's claim, the pool's cash). Before the fix: blast-radius
// and no-collateral-loss held (exit 1 only through no-unilateral-control).

let atPaused = Flag("atPaused", initial: false)
let atCash = IntVar("atCash", 0...100, initial: 100)
let atStolen = IntVar("atStolen", 0...100, initial: 0)
let atAlice = Entity("AT Alice")
let atBob = Entity("AT Bob")
let atK1 = Key("at-k1", heldBy: atAlice)
let atK2 = Key("at-k2", heldBy: atBob)
let atGuardian = Role.multisig("atGuardian", threshold: 2, of: [atK1, atK2])
let atOpen = Role.anyone("atOpen")
let atSweepRole = Role.timelock("atSweep", role: atOpen, minDelay: 3_600)

let atModel = Model("AnyoneTimelockPool") {
    State(atPaused, atCash, atStolen)
    Entities(atAlice, atBob)
    Keys(atK1, atK2)
    Roles(atGuardian, atOpen, atSweepRole)
    Action("atPause", by: atGuardian) { Require(!atPaused); Assign(atPaused, true) }
    Action("atSweep", by: atSweepRole) {
        Require(!atPaused && atCash > 0)
        Assign(atStolen, atStolen + atCash)
        Assign(atCash, 0)
    }
    Claim { _ in atCash }
}

let atIncident = Incident("AT nothing compromised", model: atModel) {}

let atProcedure = Procedure("ATPause", model: atModel, incident: atIncident) {
    Trigger(!atPaused)
    Step("pause", action: "atPause", by: atGuardian, within: 600) { Writes(atPaused) }
    Containment(atPaused, within: 600)
    BlastRadius(loss: atStolen, max: 0)
}
