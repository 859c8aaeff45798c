import RecovDSL
// A blast radius and a claim over state nothing writes (docs/semantics.md, Vacuity).
// uwFrozen (IntVar) and uwBal (AccountMap) are read by the budget and the claim; no action,
// attack or oracle move writes either (the only action writes uwPaused; the attack writes uwNoise).
// Hand-worked: UWVac: blast-radius ERROR ("vacuous", at the BlastRadius line 31);
// no-collateral-loss n/a (not a pass, saying why); exit 2.
let uwPaused = Flag("uwPaused", initial: false)
let uwFrozen = IntVar("uwFrozen", 0...100)
let uwNoise = IntVar("uwNoise", 0...100, initial: 0)
let uwBal = AccountMap("uwBal", 0...100)
let uwA = Entity("UW A"), uwB = Entity("UW B")
let uwK1 = Key("uw-k1", heldBy: uwA), uwK2 = Key("uw-k2", heldBy: uwB)
let uwGuardian = Role.multisig("uwGuardian", threshold: 2, of: [uwK1, uwK2])
let uwModel = Model("UnwrittenErr") {
    State(uwPaused, uwFrozen, uwNoise, uwBal)
    Entities(uwA, uwB)
    Keys(uwK1, uwK2)
    Roles(uwGuardian)
    Action("pause", by: uwGuardian) { Require(!uwPaused); Assign(uwPaused, true) }
    Claim { a in uwBal[a] + uwFrozen }
}
let uwIncident = Incident("UW", model: uwModel) {
    Attack("uwPoke", while: !uwPaused) { Require(uwNoise < 100); Assign(uwNoise, uwNoise + 1) }
}
let uwVac = Procedure("UWVac", model: uwModel, incident: uwIncident) {
    Trigger(!uwPaused)
    Step("pause", action: "pause", by: uwGuardian, within: 1 * hour) { Writes(uwPaused) }
    Containment(uwPaused, within: 1 * hour)
    // `uwFrozen * 2 - uwFrozen` reads only uwFrozen: the loss is 0 on every trace whatever the
    // initial value.
    BlastRadius(loss: uwFrozen * 2 - uwFrozen, max: 0)
}
