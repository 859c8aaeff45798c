import RecovDSL

// Issue 14, part 6, the fix: the rotation to an entity the caller chooses needs the 2-of-3
// guardian itself, so Mallory (one key) can never name herself the new holder of rc-k2.
// Hand-worked verdicts: no-unilateral-control holds (no single entity holds 2 keys, and the
// rotation needs 2 of them already); blast-radius holds (the attacker never satisfies the
// guardian); the honest pause (Bob + Carol) holds.

let rcPaused = Flag("rcPaused", initial: false)
let rcVault = IntVar("rcVault", 0...100, initial: 100)
let rcStolen = IntVar("rcStolen", 0...100, initial: 0)
let rcMallory = Entity("RC Mallory"), rcBob = Entity("RC Bob"), rcCarol = Entity("RC Carol")
let rcK1 = Key("rc-k1", heldBy: rcMallory), rcK2 = Key("rc-k2", heldBy: rcBob), rcK3 = Key("rc-k3", heldBy: rcCarol)
let rcGuardian = Role.multisig("rcGuardian", threshold: 2, of: [rcK1, rcK2, rcK3])

let rcModel = Model("RotateToChosen") {
    State(rcPaused, rcVault, rcStolen)
    Entities(rcMallory, rcBob, rcCarol)
    Keys(rcK1, rcK2, rcK3)
    Roles(rcGuardian)
    Action("rcPause", by: rcGuardian) { Assign(rcPaused, true) }
    Action("rcSweep", by: rcGuardian) {
        Require(!rcPaused && rcVault > 0)
        Assign(rcStolen, rcStolen + rcVault)
        Assign(rcVault, 0)
    }
    Action("rcRecover", by: rcGuardian) { ctx in
        let newHolder = ctx.entity("newHolder")
        RotateKey(rcK2, to: newHolder)
    }
    Claim { _ in IntExpr(0) }
}

let rcIncident = Incident("RC recovery key leaked", model: rcModel) {
    Compromised(rcMallory)
}

let rcProcedure = Procedure("RCPause", model: rcModel, incident: rcIncident) {
    Trigger(!rcPaused)
    Step("pause", action: "rcPause", by: rcGuardian, within: 3_600) { Writes(rcPaused) }
    Containment(rcPaused, within: 3_600)
    BlastRadius(loss: rcStolen, max: 0)
}
