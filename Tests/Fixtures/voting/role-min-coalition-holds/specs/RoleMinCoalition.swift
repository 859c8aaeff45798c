import RecovDSL

// Issue 14, part 3: per-role minimum coalitions. Six firms hold one guardian key each; the
// guardian is 3-of-6 and must not be satisfiable by fewer than 3 entities (`.minCoalition(3)`);
// a 1-of-1 risk steward (held by Alpha) may move a cap alone, accepted with its reason.
// Hand-worked verdicts: no-unilateral-control holds (any 2 firms control 2 keys < 3; the steward
// is accepted) and its message lists the steward with its reason; everything else holds.

let rmPaused = Flag("rmPaused", initial: false)
let rmCap = IntVar("rmCap", 0...1_000, initial: 500)
let rmA = Entity("RM Alpha"), rmB = Entity("RM Beta"), rmC = Entity("RM Gamma")
let rmD = Entity("RM Delta"), rmE = Entity("RM Epsilon"), rmF = Entity("RM Zeta")
let rmK1 = Key("rm-g1", heldBy: rmA), rmK2 = Key("rm-g2", heldBy: rmB), rmK3 = Key("rm-g3", heldBy: rmC)
let rmK4 = Key("rm-g4", heldBy: rmD), rmK5 = Key("rm-g5", heldBy: rmE), rmK6 = Key("rm-g6", heldBy: rmF)
let rmS = Key("rm-steward", heldBy: rmA)
let rmGuardian = Role.multisig("rmGuardian", threshold: 3, of: [rmK1, rmK2, rmK3, rmK4, rmK5, rmK6]).minCoalition(3)
let rmSteward = Role.key("rmSteward", rmS).allowUnilateral("risk steward: moves the cap by at most 50 per call")

let rmModel = Model("RoleMinCoalition") {
    State(rmPaused, rmCap)
    Entities(rmA, rmB, rmC, rmD, rmE, rmF)
    Keys(rmK1, rmK2, rmK3, rmK4, rmK5, rmK6, rmS)
    Roles(rmGuardian, rmSteward)
    Action("rmPause", by: rmGuardian) { Require(!rmPaused); Assign(rmPaused, true) }
    Action("rmLowerCap", by: rmSteward) { ctx in
        let d = ctx.int("d", 1...50)
        Require(rmCap >= d)
        Assign(rmCap, rmCap - d)
    }
    Claim { _ in IntExpr(0) }
}

let rmIncident = Incident("RM exploit", model: rmModel) {
    Oracle(rmCap, 0...1_000)
}

let rmProcedure = Procedure("RMPause", model: rmModel, incident: rmIncident) {
    Trigger(!rmPaused)
    Step("pause", action: "rmPause", by: rmGuardian, within: 3_600) { Writes(rmPaused) }
    Containment(rmPaused, within: 3_600)
}
