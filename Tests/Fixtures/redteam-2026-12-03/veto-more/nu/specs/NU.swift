import RecovDSL
// no-unilateral-control for the attacker's coalition, with NU C and NU D compromised (together one entity).
// - nuCOp = timelock(key nu-kc (NU C), 1d, vetoBy: key nu-kd (NU D, also compromised)): the coalition {NU C}'s
//   opponents are the honest entities outside it (A, B): they cannot cancel: NU C alone satisfies nuCOp:
//   NUCoalition no-unilateral-control VIOLATED (and blast-radius: the attacker drains: VIOLATED).
//   The explanation names the veto role the honest cannot satisfy.
// Worked out by hand first (2026-12-03, veto semantics of 802d3b6); recovcheck agrees.
let nuPaused = Flag("nuPaused", initial: false)
let nuOut = IntVar("nuOut", 0...1_000, initial: 0)
let nuA = Entity("NU A"), nuB = Entity("NU B"), nuC = Entity("NU C"), nuD = Entity("NU D")
let nuK1 = Key("nu-k1", heldBy: nuA), nuK2 = Key("nu-k2", heldBy: nuB), nuKC = Key("nu-kc", heldBy: nuC)
let nuKD = Key("nu-kd", heldBy: nuD)
let nuGuardian = Role.multisig("nuGuardian", threshold: 2, of: [nuK1, nuK2])
let nuCKey = Role.key("nuCKey", nuKC)
let nuDKey = Role.key("nuDKey", nuKD)
let nuCOp = Role.timelock("nuCOp", role: nuCKey, minDelay: 1 * day, vetoBy: nuDKey)
let nuModel = Model("NU") {
    State(nuPaused, nuOut)
    Entities(nuA, nuB, nuC, nuD)
    Keys(nuK1, nuK2, nuKC, nuKD)
    Roles(nuGuardian, nuCKey, nuDKey, nuCOp)
    Action("pause", by: nuGuardian) { Require(!nuPaused); Assign(nuPaused, true) }
    Action("drainC", by: nuCOp) { Require(!nuPaused && nuOut <= 900); Assign(nuOut, nuOut + 100) }
    Claim { _ in IntExpr(0) }
}
let nuIncident = Incident("NU C and D compromised", model: nuModel) {
    Compromised(nuC, nuD)
    Attack("nuPoke", while: !nuPaused) { Require(!nuPaused) }
}
let nuCoalition = Procedure("NUCoalition", model: nuModel, incident: nuIncident) {
    Trigger(!nuPaused && nuOut == 0)
    Step("pause", action: "pause", by: nuGuardian, within: 2 * days) { Writes(nuPaused) }
    BlastRadius(loss: nuOut, max: 50)
}
