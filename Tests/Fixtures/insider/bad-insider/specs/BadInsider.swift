import RecovDSL

// Issue 14, part 7: Insider errors, each at its line. Line 21: Mallory is not an entity of the
// model. Line 26: Gamma Labs is both Compromised and Insider. Line 27: a second Insider(Gamma Labs).

let biPaused = Flag("biPaused", initial: false)
let biAlpha = Entity("BI Alpha"), biGamma = Entity("BI Gamma Labs"), biMallory = Entity("BI Mallory")
let biA1 = Key("bi-a1", heldBy: biAlpha), biG1 = Key("bi-g1", heldBy: biGamma)
let biGuardian = Role.multisig("biGuardian", threshold: 2, of: [biA1, biG1])

let biModel = Model("BadInsider") {
    State(biPaused)
    Entities(biAlpha, biGamma)
    Keys(biA1, biG1)
    Roles(biGuardian)
    Action("biPause", by: biGuardian) { Assign(biPaused, true) }
    Claim { _ in IntExpr(0) }
}

let biUnknown = Incident("BI unknown insider", model: biModel) {
    Insider(biMallory)
}

let biBoth = Incident("BI both", model: biModel) {
    Compromised(biGamma)
    Insider(biGamma)
    Insider(biGamma)
}

let biProcedure = Procedure("BIPause", model: biModel, incident: biUnknown) {
    Trigger(!biPaused)
    Step("pause", action: "biPause", by: biGuardian, within: 3_600) { Writes(biPaused) }
}

let biProcedure2 = Procedure("BIPause2", model: biModel, incident: biBoth) {
    Trigger(!biPaused)
    Step("pause", action: "biPause", by: biGuardian, within: 3_600) { Writes(biPaused) }
}
