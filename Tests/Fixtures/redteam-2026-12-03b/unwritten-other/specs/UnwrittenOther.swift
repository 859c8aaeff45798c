import RecovDSL
// One model, two incidents. Only incident UOWrites's attack writes uoX (and uoBal); incident
// UOQuiet's attack writes uoNoise only. A budget and a claim over uoX / uoBal are vacuous in the
// world of a procedure under UOQuiet, though another incident writes them.
// Hand-worked (docs/semantics.md, Vacuity: "nothing in the procedure's world writes"):
// - UOUnderWrites (incident UOWrites): the attack raises uoX by 10: blast-radius (max 5) VIOLATED;
//   it lowers uoBal of any account: no-collateral-loss VIOLATED.
// - UOUnderQuiet (incident UOQuiet): the loss uoX never changes: blast-radius ERROR (vacuous, at
//   line 45); the claim reads only uoBal, which nothing there writes: no-collateral-loss n/a.
// Exit 2.
let uoPaused = Flag("uoPaused", initial: false)
let uoX = IntVar("uoX", 0...100, initial: 0)
let uoNoise = IntVar("uoNoise", 0...100, initial: 0)
let uoBal = AccountMap("uoBal", 0...100)
let uoA = Entity("UO A"), uoB = Entity("UO B")
let uoK1 = Key("uo-k1", heldBy: uoA), uoK2 = Key("uo-k2", heldBy: uoB)
let uoGuardian = Role.multisig("uoGuardian", threshold: 2, of: [uoK1, uoK2])
let uoModel = Model("UnwrittenOther") {
    State(uoPaused, uoX, uoNoise, uoBal)
    Entities(uoA, uoB)
    Keys(uoK1, uoK2)
    Roles(uoGuardian)
    Action("pause", by: uoGuardian) { Require(!uoPaused); Assign(uoPaused, true) }
    Claim { a in uoBal[a] }
}
let uoWrites = Incident("UOWrites", model: uoModel) {
    Attack("uoTake", while: !uoPaused) { ctx in
        let v = ctx.account("victim")
        Require(uoX <= 90 && uoBal[v] >= 1)
        Assign(uoX, uoX + 10)
        Assign(uoBal[v], uoBal[v] - 1)
    }
}
let uoQuiet = Incident("UOQuiet", model: uoModel) {
    Attack("uoPoke", while: !uoPaused) { Require(uoNoise < 100); Assign(uoNoise, uoNoise + 1) }
}
let uoUnderWrites = Procedure("UOUnderWrites", model: uoModel, incident: uoWrites) {
    Trigger(!uoPaused && uoX == 0)
    Step("pause", action: "pause", by: uoGuardian, within: 1 * hour) { Writes(uoPaused) }
    BlastRadius(loss: uoX, max: 5)
}
let uoUnderQuiet = Procedure("UOUnderQuiet", model: uoModel, incident: uoQuiet) {
    Trigger(!uoPaused && uoX == 0)
    Step("pause", action: "pause", by: uoGuardian, within: 1 * hour) { Writes(uoPaused) }
    BlastRadius(loss: uoX, max: 5)
}
