import RecovDSL

// Issue 14, part 7: the same rescue, now behind a 2-of-3 multisig ('imRescue' over a1, b1, g1).
// Gamma Labs, an Insider, holds one key: it cannot reach imRescueTokens alone.
// Hand-worked verdicts: no-collateral-loss holds, blast-radius holds, no-unilateral-control holds.
// IM2Insider is a second model where Gamma Labs holds two of the three keys (b2, g2): then it meets the
// 2-of-3 alone — no-collateral-loss VIOLATED (insider Gamma Labs, holding b2 and g2) and
// no-unilateral-control VIOLATED (Gamma Labs alone satisfies im2Guardian), with or without the Insider.

let imPaused = Flag("imPaused", initial: false)
let imVault = IntVar("imVault", 0...100, initial: 100)
let imRescued = IntVar("imRescued", 0...100, initial: 0)
let imAlpha = Entity("IM Alpha"), imBeta = Entity("IM Beta"), imGamma = Entity("Gamma Labs")
let imA1 = Key("a1", heldBy: imAlpha), imB1 = Key("b1", heldBy: imBeta), imG1 = Key("g1", heldBy: imGamma)
let imGuardian = Role.multisig("imGuardian", threshold: 2, of: [imA1, imB1, imG1])
let imRescue = Role.multisig("imRescue", threshold: 2, of: [imA1, imB1, imG1])

let imModel = Model("InsiderRescueMultisig") {
    State(imPaused, imVault, imRescued)
    Entities(imAlpha, imBeta, imGamma)
    Keys(imA1, imB1, imG1)
    Roles(imGuardian, imRescue)
    Action("imPause", by: imGuardian) { Assign(imPaused, true) }
    Action("imRescueTokens", by: imRescue) {
        Require(imVault > 0)
        Assign(imRescued, imRescued + imVault)
        Assign(imVault, 0)
    }
    Claim { _ in imVault }
}

let imInsider = Incident("IM careless guardian", model: imModel) {
    Insider(imGamma)
}

let imProcedure = Procedure("IMInsider", model: imModel, incident: imInsider) {
    Trigger(!imPaused)
    Step("pause", action: "imPause", by: imGuardian, within: 3_600) { Writes(imPaused) }
    Containment(imPaused, within: 3_600)
    BlastRadius(loss: imRescued, max: 0)
}

// Gamma Labs holds two of the three keys.
let im2A1 = Key("a2", heldBy: imAlpha), im2B1 = Key("b2", heldBy: imGamma), im2G1 = Key("g2", heldBy: imGamma)
let im2Guardian = Role.multisig("im2Guardian", threshold: 2, of: [im2A1, im2B1, im2G1])
let im2Rescue = Role.multisig("im2Rescue", threshold: 2, of: [im2A1, im2B1, im2G1])

let im2Model = Model("InsiderRescueTwoKeys") {
    State(imPaused, imVault, imRescued)
    Entities(imAlpha, imBeta, imGamma)
    Keys(im2A1, im2B1, im2G1)
    Roles(im2Guardian, im2Rescue)
    Action("im2Pause", by: im2Guardian) { Assign(imPaused, true) }
    Action("im2RescueTokens", by: im2Rescue) {
        Require(imVault > 0)
        Assign(imRescued, imRescued + imVault)
        Assign(imVault, 0)
    }
    Claim { _ in imVault }
}

let im2Insider = Incident("IM2 careless guardian", model: im2Model) {
    Insider(imGamma)
}

let im2Procedure = Procedure("IM2Insider", model: im2Model, incident: im2Insider) {
    Trigger(!imPaused)
    Step("pause", action: "im2Pause", by: im2Guardian, within: 3_600) { Writes(imPaused) }
    Containment(imPaused, within: 3_600)
    BlastRadius(loss: imRescued, max: 0)
}
