import RecovDSL
// --rule selections on vacuous specs. RVNever's attack "rvDrain" needs rvArmed, a flag that starts
// false and that nothing writes: it can never fire (line 25). RVNever declares no Containment.
// Hand-worked (docs/semantics.md, Vacuity; sanity always runs, whatever --rule selects):
// - no option: sanity ERROR naming the attack's line 25; every other rule's pass turned into an
//   ERROR; exit 2.
// - --rule blast-radius: sanity ERROR, blast-radius ERROR (a vacuous pass), exit 2.
// - --rule no-unilateral-control: sanity ERROR, exit 2 (never exit 0).
// - --rule containment-time: no procedure declares a Containment: nothing would be checked, exit 2.
let rvPaused = Flag("rvPaused", initial: false)
let rvArmed = Flag("rvArmed", initial: false)
let rvStolen = IntVar("rvStolen", 0...100, initial: 0)
let rvA = Entity("RV A"), rvB = Entity("RV B")
let rvK1 = Key("rv-k1", heldBy: rvA), rvK2 = Key("rv-k2", heldBy: rvB)
let rvGuardian = Role.multisig("rvGuardian", threshold: 2, of: [rvK1, rvK2])
let rvModel = Model("RuleVacuous") {
    State(rvPaused, rvArmed, rvStolen)
    Entities(rvA, rvB)
    Keys(rvK1, rvK2)
    Roles(rvGuardian)
    Action("pause", by: rvGuardian) { Require(!rvPaused); Assign(rvPaused, true) }
    Claim { _ in IntExpr(0) }
}
let rvIncident = Incident("RV", model: rvModel) {
    Attack("rvDrain", while: !rvPaused) {
        Require(rvArmed && rvStolen <= 90)
        Assign(rvStolen, rvStolen + 10)
    }
}
let rvNever = Procedure("RVNever", model: rvModel, incident: rvIncident) {
    Trigger(!rvPaused && rvStolen == 0)
    Step("pause", action: "pause", by: rvGuardian, within: 1 * hour) { Writes(rvPaused) }
    BlastRadius(loss: rvStolen, max: 0)
    Window(1 * hour)
}
