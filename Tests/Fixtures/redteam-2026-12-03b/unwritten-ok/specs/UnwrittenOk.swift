import RecovDSL
// Budgets and claims over state written only by an oracle move or only by a procedure step: not
// vacuous (docs/semantics.md, Vacuity: an action, an attack or an oracle move writes it).
// okBal (0...10, anywhere) is written by nothing; okPrice (1...10, anywhere) only by the oracle.
// Hand-worked:
// - OKOracle: Claim okBal[a] * okPrice: the oracle moves okPrice from 2 to 1 with okBal[#0] = 1:
//   the claim falls 2 -> 1 through a move account #0 did not initiate: no-collateral-loss VIOLATED
//   (not n/a). BlastRadius(loss: 10 - okPrice, max: 8): okPrice 10 -> 1 is a loss of 9:
//   blast-radius VIOLATED (not vacuous).
// - OKStep: BlastRadius(loss: okFee, max: 4), okFee (initial 0) written only by the procedure's
//   step (+5): blast-radius VIOLATED (0 -> 5), not vacuous; bounded-intervention holds
//   (Writes(okFee) declared). It shares OKOracle's model and incident: no-collateral-loss VIOLATED
//   there too (the oracle move).
// Exit 1.
let okPaused = Flag("okPaused", initial: false)
let okBal = AccountMap("okBal", 0...10)
let okPrice = IntVar("okPrice", 1...10)
let okFee = IntVar("okFee", 0...100, initial: 0)
let okA = Entity("OK A"), okB = Entity("OK B")
let okK1 = Key("ok-k1", heldBy: okA), okK2 = Key("ok-k2", heldBy: okB)
let okGuardian = Role.multisig("okGuardian", threshold: 2, of: [okK1, okK2])
let okModel = Model("UnwrittenOk") {
    State(okPaused, okBal, okPrice, okFee)
    Entities(okA, okB)
    Keys(okK1, okK2)
    Roles(okGuardian)
    Action("pause", by: okGuardian) { Require(!okPaused); Assign(okPaused, true) }
    Action("pauseWithFee", by: okGuardian) { Require(!okPaused); Assign(okPaused, true); Assign(okFee, okFee + 5) }
    Claim { a in okBal[a] * okPrice }
}
let okIncident = Incident("OK", model: okModel) {
    Oracle(okPrice, 1...10)
    Attack("okPoke", while: !okPaused) { Require(!okPaused) }
}
let okOracle = Procedure("OKOracle", model: okModel, incident: okIncident) {
    Trigger(!okPaused)
    Step("pause", action: "pause", by: okGuardian, within: 1 * hour) { Writes(okPaused) }
    BlastRadius(loss: IntExpr(10) - okPrice, max: 8)
}
let okStep = Procedure("OKStep", model: okModel, incident: okIncident) {
    Trigger(!okPaused && okFee == 0)
    Step("pause", action: "pauseWithFee", by: okGuardian, within: 1 * hour) { Writes(okPaused, okFee) }
    BlastRadius(loss: okFee, max: 4)
}
