import RecovDSL

// Issue 14, part 7: "can the guardian reach rescueTokens?". Gamma Labs holds g1, one of the three
// keys of the 2-of-3 pause guardian, and g1 alone is the 1-of-1 'irRescue' role (accepted as
// unilateral: a rescue desk). Nothing is compromised. Incident "IR careless guardian" names Gamma
// Labs an Insider; incident "IR nothing leaked" does not.
// Hand-worked verdicts:
// - IRInsider: no-collateral-loss VIOLATED in one transition (insider Gamma Labs, holding g1, calls
//   irRescueTokens: the vault, every account's claim, falls from 100 to 0); blast-radius VIOLATED
//   (rescued grows by 100 > 0); no-unilateral-control holds (only the accepted 1-of-1 role is
//   unilateral; the guardian needs two of three keys), as without the Insider.
// - IRPlain: the same model without Insider: no-collateral-loss and blast-radius hold (honest
//   holders act only through the procedure), no-unilateral-control holds.

let irPaused = Flag("irPaused", initial: false)
let irVault = IntVar("irVault", 0...100, initial: 100)
let irRescued = IntVar("irRescued", 0...100, initial: 0)
let irAlpha = Entity("IR Alpha"), irBeta = Entity("IR Beta"), irGamma = Entity("Gamma Labs")
let irA1 = Key("a1", heldBy: irAlpha), irB1 = Key("b1", heldBy: irBeta), irG1 = Key("g1", heldBy: irGamma)
let irGuardian = Role.multisig("irGuardian", threshold: 2, of: [irA1, irB1, irG1])
let irRescue = Role.key("irRescue", irG1).allowUnilateral("rescue desk: returns stuck tokens")

let irModel = Model("InsiderRescue") {
    State(irPaused, irVault, irRescued)
    Entities(irAlpha, irBeta, irGamma)
    Keys(irA1, irB1, irG1)
    Roles(irGuardian, irRescue)
    Action("irPause", by: irGuardian) { Assign(irPaused, true) }
    Action("irRescueTokens", by: irRescue) {
        Require(irVault > 0)
        Assign(irRescued, irRescued + irVault)
        Assign(irVault, 0)
    }
    Claim { _ in irVault }
}

let irInsider = Incident("IR careless guardian", model: irModel) {
    Insider(irGamma)
}

let irPlain = Incident("IR nothing leaked", model: irModel) {}

let irInsiderProcedure = Procedure("IRInsider", model: irModel, incident: irInsider) {
    Trigger(!irPaused)
    Step("pause", action: "irPause", by: irGuardian, within: 3_600) { Writes(irPaused) }
    Containment(irPaused, within: 3_600)
    BlastRadius(loss: irRescued, max: 0)
}

let irPlainProcedure = Procedure("IRPlain", model: irModel, incident: irPlain) {
    Trigger(!irPaused)
    Step("pause", action: "irPause", by: irGuardian, within: 3_600) { Writes(irPaused) }
    Containment(irPaused, within: 3_600)
    BlastRadius(loss: irRescued, max: 0)
}
