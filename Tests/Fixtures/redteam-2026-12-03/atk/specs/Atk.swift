import RecovDSL
// Authority changed by an attack rather than by an action (no action writes thresholds, keys or
// allowlists). Hand-worked: each incident gives the attacker akGuardian after one move:
// - AKThreshold: threshold set to 0 (nothing compromised): blast-radius and no-unilateral-control VIOLATED.
// - AKRotate: both keys rotated to the compromised AK C: both VIOLATED.
// - AKGrant: both keys allowlisted for AK C: both VIOLATED.
let akPaused = Flag("akPaused", initial: false)
let akOut = IntVar("akOut", 0...1_000, initial: 0)
let akA = Entity("AK A"), akB = Entity("AK B"), akC = Entity("AK C")
let akK1 = Key("ak-k1", heldBy: akA), akK2 = Key("ak-k2", heldBy: akB), akK3 = Key("ak-k3", heldBy: akA), akK4 = Key("ak-k4", heldBy: akB)
let akGuardian = Role.multisig("akGuardian", threshold: 2, of: [akK1, akK2])
let akPauser = Role.multisig("akPauser", threshold: 2, of: [akK3, akK4])
let akModel = Model("Atk") {
    State(akPaused, akOut)
    Entities(akA, akB, akC)
    Keys(akK1, akK2, akK3, akK4)
    Roles(akGuardian, akPauser)
    Action("pause", by: akPauser) { Require(!akPaused); Assign(akPaused, true) }
    Action("drain", by: akGuardian) { Require(akOut <= 900); Assign(akOut, akOut + 100) }
    Claim { _ in IntExpr(0) }
}
let akThreshold = Incident("AK threshold exploit", model: akModel) {
    Attack("lower", while: !akPaused) { SetThreshold(akGuardian, 0) }
}
let akRotate = Incident("AK key exploit", model: akModel) {
    Compromised(akC)
    Attack("steal", while: !akPaused) { RotateKey(akK1, to: akC); RotateKey(akK2, to: akC) }
}
let akGrant = Incident("AK allowlist exploit", model: akModel) {
    Compromised(akC)
    Attack("allow", while: !akPaused) { Grant(akK1, to: akC); Grant(akK2, to: akC) }
}
let akP1 = Procedure("AKThreshold", model: akModel, incident: akThreshold) {
    Trigger(!akPaused && akOut == 0)
    Step("pause", action: "pause", by: akPauser, within: 1 * hour) { Writes(akPaused) }
    BlastRadius(loss: akOut, max: 50)
}
let akP2 = Procedure("AKRotate", model: akModel, incident: akRotate) {
    Trigger(!akPaused && akOut == 0)
    Step("pause", action: "pause", by: akPauser, within: 1 * hour) { Writes(akPaused) }
    BlastRadius(loss: akOut, max: 50)
}
let akP3 = Procedure("AKGrant", model: akModel, incident: akGrant) {
    Trigger(!akPaused && akOut == 0)
    Step("pause", action: "pause", by: akPauser, within: 1 * hour) { Writes(akPaused) }
    BlastRadius(loss: akOut, max: 50)
}
