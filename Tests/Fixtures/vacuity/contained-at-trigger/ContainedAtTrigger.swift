import RecovDSL

// Hand-worked (issue 9, item 6): the trigger is `lendFrozen`, and containment is `lendFrozen`
// too, so containment holds in the initial state of every trace and containment-time passes
// whatever the procedure does (before the fix: holds, exit 0). Right verdict: sanity error at
// the Containment line; exit 2.

let lendFrozen = Flag("lendFrozen")
let lendBad = IntVar("lendBad", 0...1_000, initial: 0)
let lendDeposits = AccountMap("lendDeposits", 0...1_000)
let lendRiskA = Entity("Risk Council A")
let lendRiskB = Entity("Risk Council B")
let lendKeyA = Key("risk-a", heldBy: lendRiskA)
let lendKeyB = Key("risk-b", heldBy: lendRiskB)
let lendCouncil = Role.multisig("lendCouncil", threshold: 2, of: [lendKeyA, lendKeyB])

let lendModel = Model("Lending") {
    State(lendFrozen, lendBad, lendDeposits)
    Entities(lendRiskA, lendRiskB)
    Keys(lendKeyA, lendKeyB)
    Roles(lendCouncil)
    Claim { a in lendDeposits[a] }
    Action("unfreeze", by: lendCouncil) { Require(lendFrozen); Assign(lendFrozen, false) }
}

let lendOracleBug = Incident("LendOracleBug", model: lendModel) {
    Attack("badDebt", while: !lendFrozen) { ctx in
        let amount = ctx.int("amount", 1...10)
        Assign(lendBad, lendBad + amount)
    }
}

let lendFreeze = Procedure("LendFreeze", model: lendModel, incident: lendOracleBug) {
    Trigger(lendFrozen)
    Step("unfreeze", action: "unfreeze", by: lendCouncil, after: 3_600, within: 7_200) { Writes(lendFrozen) }
    Containment(lendFrozen, within: 60)
}
