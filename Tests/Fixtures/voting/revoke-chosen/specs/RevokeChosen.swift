import RecovDSL

// Issue 14, part 6: a revocation whose target the caller chooses (`Revoke(key, from: choice)`).
// The pauser key is held by Mallory (compromised); Bob may use it through an allowlist entry,
// and the procedure's pause step relies on Bob. 'rvDropSigner' is open to anyone and revokes the
// allowlist entry of any entity its caller names.
// Hand-worked verdicts: bounded-intervention VIOLATED (anyone, e.g. the attacker, calls
// rvDropSigner(who: RV Bob), then at the 1-hour deadline Bob can no longer pause: blocked);
// containment-time VIOLATED (blocked before containment).

let rvPaused = Flag("rvPaused", initial: false)
let rvMallory = Entity("RV Mallory"), rvBob = Entity("RV Bob"), rvCarol = Entity("RV Carol")
let rvKey = Key("rv-pauser", heldBy: rvMallory)
let rvK2 = Key("rv-admin-1", heldBy: rvBob), rvK3 = Key("rv-admin-2", heldBy: rvCarol)
let rvPauser = Role.key("rvPauser", rvKey).allowUnilateral("pausing only stops the protocol")
let rvAdmins = Role.multisig("rvAdmins", threshold: 2, of: [rvK2, rvK3])
let rvOpen = Role.anyone("rvOpen")

let rvModel = Model("RevokeChosen") {
    State(rvPaused)
    Entities(rvMallory, rvBob, rvCarol)
    Keys(rvKey, rvK2, rvK3)
    Allowlist(rvBob, mayUse: rvKey)
    Roles(rvPauser, rvAdmins, rvOpen)
    Action("rvPause", by: rvPauser) { Assign(rvPaused, true) }
    Action("rvDropSigner", by: rvOpen) { ctx in
        let who = ctx.entity("who")
        Revoke(rvKey, from: who)
    }
    Claim { _ in IntExpr(0) }
}

let rvIncident = Incident("RV pauser key stolen", model: rvModel) {
    Compromised(rvMallory)
}

let rvProcedure = Procedure("RVPause", model: rvModel, incident: rvIncident) {
    Trigger(!rvPaused)
    Step("pause", action: "rvPause", by: rvPauser, within: 3_600) { Writes(rvPaused) }
    Containment(rvPaused, within: 3_600)
}
