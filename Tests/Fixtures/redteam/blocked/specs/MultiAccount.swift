import RecovDSL
// Issue 9 class 10, held-out forms: steps with three account parameters.
// - MAThree: the step rebalances among three distinct accounts, guard `a != b && b != c && a != c`
//   and each balance >= 0 (always true in 0...10): runnable in every state, never blocked:
//   bounded-intervention holds (or proved); containment-time holds.
// - MASeven: the step needs an account whose balance is exactly 7 (`maBal[a] == 7`) besides two
//   distinct others. Balances start anywhere in 0...10; an initial state where no account holds 7
//   exists (all 0), and nothing writes maBal before the step: blocked at its deadline,
//   bounded-intervention VIOLATED (and containment-time VIOLATED). Exit 1.
let maBal = AccountMap("maBal", 0...10)
let maDone = Flag("maDone", initial: false)
let maA = Entity("MA A"), maB = Entity("MA B")
let maK1 = Key("ma-k1", heldBy: maA), maK2 = Key("ma-k2", heldBy: maB)
let maGuardian = Role.multisig("maGuardian", threshold: 2, of: [maK1, maK2])
let maModel = Model("MultiAccount") {
    State(maBal, maDone)
    Entities(maA, maB)
    Keys(maK1, maK2)
    Roles(maGuardian)
    Action("maThree", by: maGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b"), c = ctx.account("c")
        Require(!maDone && a != b && b != c && a != c && maBal[a] >= 0 && maBal[b] >= 0 && maBal[c] >= 0)
        Assign(maDone, true)
    }
    Action("maSeven", by: maGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b"), c = ctx.account("c")
        Require(!maDone && a != b && b != c && a != c && maBal[a] == 7)
        Assign(maDone, true)
    }
    Claim { a in maBal[a] }
}
let maIncident = Incident("MA", model: maModel) {
    Attack("maPoke", while: !maDone) { Require(!maDone) }
}
let maThreeProc = Procedure("MAThree", model: maModel, incident: maIncident) {
    Trigger(!maDone)
    Step("three", action: "maThree", by: maGuardian, within: 600) { Writes(maDone) }
    Containment(maDone, within: 1 * hour)
}
let maSevenProc = Procedure("MASeven", model: maModel, incident: maIncident) {
    Trigger(!maDone)
    Step("seven", action: "maSeven", by: maGuardian, within: 600) { Writes(maDone) }
    Containment(maDone, within: 1 * hour)
}
