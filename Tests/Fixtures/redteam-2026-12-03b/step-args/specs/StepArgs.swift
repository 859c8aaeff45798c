import RecovDSL
// A step fixes a parameter outside its declared range: args ["x": 150] for ctx.int("x", 1...100)
// (line 29). The honest step would run with a value the action never accepts (or the step could
// never run: a vacuous or bogus verdict either way).
// Hand-worked: an input error at the step's line 29 naming 'x' and its range, exit 2.
let saCash = IntVar("saCash", 0...1_000, initial: 500)
let saDone = Flag("saDone", initial: false)
let saA = Entity("SA A"), saB = Entity("SA B")
let saK1 = Key("sa-k1", heldBy: saA), saK2 = Key("sa-k2", heldBy: saB)
let saGuardian = Role.multisig("saGuardian", threshold: 2, of: [saK1, saK2])
let saModel = Model("StepArgs") {
    State(saCash, saDone)
    Entities(saA, saB)
    Keys(saK1, saK2)
    Roles(saGuardian)
    Action("withdrawReserve", by: saGuardian) { ctx in
        let x = ctx.int("x", 1...100)
        Require(!saDone && saCash >= x)
        Assign(saCash, saCash - x)
        Assign(saDone, true)
    }
    Claim { _ in IntExpr(0) }
}
let saIncident = Incident("SA", model: saModel) {
    Attack("saPoke", while: !saDone) { Require(!saDone) }
}
let saProcedure = Procedure("SAWithdraw", model: saModel, incident: saIncident) {
    Trigger(!saDone)
    Step("withdraw", action: "withdrawReserve", by: saGuardian, within: 600, args: ["x": 150]) { Writes(saCash, saDone) }
}
