import RecovDSL
// FINDING (2026-12-03), a third face of findings/veto. No compromise. vuAdmin = timelock(key held by VU A, 1d, vetoBy: 2-of-2 council of VU A and VU B).
// VU A queues alone; the council can cancel only with VU A's own signature, so nobody stops it:
// VU A alone controls vuAdmin: no-unilateral-control VIOLATED (minimum coalition 2).
// recovcheck before the fix: PROVED ("no coalition of fewer than 2 entities satisfies vuAdmin"), exit 0.
let vuPaused = Flag("vuPaused", initial: false)
let vuA = Entity("VU A"), vuB = Entity("VU B")
let vuKA = Key("vu-ka", heldBy: vuA), vuVA = Key("vu-va", heldBy: vuA), vuVB = Key("vu-vb", heldBy: vuB)
let vuKB = Key("vu-kb", heldBy: vuB)
let vuCouncil = Role.multisig("vuCouncil", threshold: 2, of: [vuVA, vuVB])
let vuAKey = Role.key("vuAKey", vuKA)
let vuAdmin = Role.timelock("vuAdmin", role: vuAKey, minDelay: 1 * day, vetoBy: vuCouncil)
let vuGuardian = Role.multisig("vuGuardian", threshold: 2, of: [vuKA, vuKB])
let vuModel = Model("VU") {
    State(vuPaused)
    Entities(vuA, vuB)
    Keys(vuKA, vuVA, vuVB, vuKB)
    Roles(vuCouncil, vuAKey, vuAdmin, vuGuardian)
    Action("pause", by: vuGuardian) { Require(!vuPaused); Assign(vuPaused, true) }
    Action("upgrade", by: vuAdmin) { Require(!vuPaused) }
    Claim { _ in IntExpr(0) }
}
let vuIncident = Incident("VU", model: vuModel) {
    Attack("vuPoke", while: !vuPaused) { Require(!vuPaused) }
}
let vuProc = Procedure("VUPause", model: vuModel, incident: vuIncident) {
    Trigger(!vuPaused)
    Step("pause", action: "pause", by: vuGuardian, within: 1 * hour) { Writes(vuPaused) }
}
