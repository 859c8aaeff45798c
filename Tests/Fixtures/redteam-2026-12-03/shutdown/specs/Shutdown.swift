import RecovDSL
// A shutdown module whose deposits anyone can raise, with nothing compromised and nothing borrowed.
// sdEsm: deposited (sdDeposited, starts at 0) plus the coalition's holdings (A 20, B 20) >= 30.
// Hand-worked:
// - SDOpen (deposits of 10 by anyone): after three deposits the empty coalition (the attacker,
//   holding nothing) reaches 30 and drains 100 per call: blast-radius VIOLATED (sdStolen 0 -> 100,
//   4 transitions). no-unilateral-control VIOLATED: one deposit, then SD A alone has 20 + 10 = 30.
// - SDClosed (same roles, no deposit action): the attacker has 0 < 30, A alone 20 < 30, A and B
//   together 40 (a coalition of 2 is allowed): blast-radius and no-unilateral-control hold (or proved).
let sdPaused = Flag("sdPaused", initial: false)
let sdStolen = IntVar("sdStolen", 0...1_000, initial: 0)
let sdDeposited = IntVar("sdDeposited", 0...1_000, initial: 0)
let sdA = Entity("SD A"), sdB = Entity("SD B")
let sdK1 = Key("sd-k1", heldBy: sdA), sdK2 = Key("sd-k2", heldBy: sdB)
let sdGuardian = Role.multisig("sdGuardian", threshold: 2, of: [sdK1, sdK2])
let sdEsm = Role.shutdownModule("sdEsm", deposited: sdDeposited, threshold: 30, holdings: [sdA: 20, sdB: 20])
let sdOpen = Role.anyone("sdOpen")
let sdOpenModel = Model("ShutdownOpen") {
    State(sdPaused, sdStolen, sdDeposited)
    Entities(sdA, sdB)
    Keys(sdK1, sdK2)
    Roles(sdGuardian, sdEsm, sdOpen)
    Action("deposit", by: sdOpen) { Require(sdDeposited <= 990); Assign(sdDeposited, sdDeposited + 10) }
    Action("pause", by: sdGuardian) { Require(!sdPaused); Assign(sdPaused, true) }
    Action("esmDrain", by: sdEsm) { Require(!sdPaused && sdStolen <= 900); Assign(sdStolen, sdStolen + 100) }
    Claim { _ in IntExpr(0) }
}
let sdClosedModel = Model("ShutdownClosed") {
    State(sdPaused, sdStolen, sdDeposited)
    Entities(sdA, sdB)
    Keys(sdK1, sdK2)
    Roles(sdGuardian, sdEsm)
    Action("pause", by: sdGuardian) { Require(!sdPaused); Assign(sdPaused, true) }
    Action("esmDrain", by: sdEsm) { Require(!sdPaused && sdStolen <= 900); Assign(sdStolen, sdStolen + 100) }
    Claim { _ in IntExpr(0) }
}
let sdOpenIncident = Incident("SD open", model: sdOpenModel) {
    Attack("sdPoke", while: !sdPaused) { Require(!sdPaused) }
}
let sdClosedIncident = Incident("SD closed", model: sdClosedModel) {
    Attack("sdPoke", while: !sdPaused) { Require(!sdPaused) }
}
let sdOpenProc = Procedure("SDOpen", model: sdOpenModel, incident: sdOpenIncident) {
    Trigger(!sdPaused && sdStolen == 0)
    Step("pause", action: "pause", by: sdGuardian, within: 1 * day) { Writes(sdPaused) }
    BlastRadius(loss: sdStolen, max: 50)
}
let sdClosedProc = Procedure("SDClosed", model: sdClosedModel, incident: sdClosedIncident) {
    Trigger(!sdPaused && sdStolen == 0)
    Step("pause", action: "pause", by: sdGuardian, within: 1 * day) { Writes(sdPaused) }
    BlastRadius(loss: sdStolen, max: 50)
}
