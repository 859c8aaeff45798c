import RecovDSL

// Issue 14, part 6: authority moves chosen by the actor. The 2-of-3 guardian may rotate any
// guardian key to an entity its caller chooses (`ctx.entity("newHolder")`). Mallory holds one key
// and the attacker also holds the 1-of-1 'rcRecovery' key, whose action rotates a key to whoever
// the caller names: the attacker rotates rc-k2 to Mallory, then holds 2 of 3 guardian keys.
// Hand-worked verdicts: no-unilateral-control VIOLATED after one transition (the attacker calls
// rcRecover(newHolder: RC Mallory), then controls rc-k1 and rc-k2, meeting the threshold of 2);
// blast-radius VIOLATED (after that rotation the attacker sweeps as the guardian: 2 transitions);
// bounded-intervention and containment-time VIOLATED (after the rotation Bob and Carol hold one
// guardian key: the pause step is blocked at its 1-hour deadline).

let rcPaused = Flag("rcPaused", initial: false)
let rcVault = IntVar("rcVault", 0...100, initial: 100)
let rcStolen = IntVar("rcStolen", 0...100, initial: 0)
let rcMallory = Entity("RC Mallory"), rcBob = Entity("RC Bob"), rcCarol = Entity("RC Carol")
let rcK1 = Key("rc-k1", heldBy: rcMallory), rcK2 = Key("rc-k2", heldBy: rcBob), rcK3 = Key("rc-k3", heldBy: rcCarol)
let rcR = Key("rc-recovery", heldBy: rcMallory)
let rcGuardian = Role.multisig("rcGuardian", threshold: 2, of: [rcK1, rcK2, rcK3])
let rcRecovery = Role.key("rcRecovery", rcR).allowUnilateral("recovery key: replaces a lost guardian key")

let rcModel = Model("RotateToChosen") {
    State(rcPaused, rcVault, rcStolen)
    Entities(rcMallory, rcBob, rcCarol)
    Keys(rcK1, rcK2, rcK3, rcR)
    Roles(rcGuardian, rcRecovery)
    Action("rcPause", by: rcGuardian) { Assign(rcPaused, true) }
    Action("rcSweep", by: rcGuardian) {
        Require(!rcPaused && rcVault > 0)
        Assign(rcStolen, rcStolen + rcVault)
        Assign(rcVault, 0)
    }
    Action("rcRecover", by: rcRecovery) { ctx in
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
