import RecovDSL

// Issue 14, part 6, the fix: the revocation whose target the caller chooses needs the 2-of-2
// admins (Bob and Carol), so the attacker cannot remove Bob's allowlist entry; Bob pauses.
// Hand-worked verdicts: bounded-intervention and containment-time hold; no-unilateral-control
// holds (rvAdmins needs both Bob and Carol; rvPauser is accepted, listed with its reason).

let rvPaused = Flag("rvPaused", initial: false)
let rvMallory = Entity("RV Mallory"), rvBob = Entity("RV Bob"), rvCarol = Entity("RV Carol")
let rvKey = Key("rv-pauser", heldBy: rvMallory)
let rvK2 = Key("rv-admin-1", heldBy: rvBob), rvK3 = Key("rv-admin-2", heldBy: rvCarol)
let rvPauser = Role.key("rvPauser", rvKey).allowUnilateral("pausing only stops the protocol")
let rvAdmins = Role.multisig("rvAdmins", threshold: 2, of: [rvK2, rvK3])

let rvModel = Model("RevokeChosen") {
    State(rvPaused)
    Entities(rvMallory, rvBob, rvCarol)
    Keys(rvKey, rvK2, rvK3)
    Allowlist(rvBob, mayUse: rvKey)
    Roles(rvPauser, rvAdmins)
    Action("rvPause", by: rvPauser) { Assign(rvPaused, true) }
    Action("rvDropSigner", by: rvAdmins) { ctx in
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
