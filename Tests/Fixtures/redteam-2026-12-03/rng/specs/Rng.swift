import RecovDSL
// A step with two account parameters takes an entry out of its range. Hand-worked: every entry
// starts at 6 (initial:), merging b into a gives 12 > 10: invariant VIOLATED at the step
// ("'rgBal[#0]' = 12 left its declared range 0...10"); the reduction of b is allowed.
let rgBal = AccountMap("rgBal", 0...10, initial: 6)
let rgDone = Flag("rgDone", initial: false)
let rgA = Entity("RG A"), rgB = Entity("RG B")
let rgK1 = Key("rg-k1", heldBy: rgA), rgK2 = Key("rg-k2", heldBy: rgB)
let rgGuardian = Role.multisig("rgGuardian", threshold: 2, of: [rgK1, rgK2])
let rgModel = Model("Rng") {
    State(rgBal, rgDone)
    Entities(rgA, rgB)
    Keys(rgK1, rgK2)
    Roles(rgGuardian)
    Action("merge", by: rgGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b")
        Require(!rgDone && a != b)
        Assign(rgBal[a], rgBal[a] + rgBal[b])
        Assign(rgBal[b], 0)
        Assign(rgDone, true)
        AllowReduction { x in x == b }
    }
    Claim { a in rgBal[a] }
}
let rgIncident = Incident("RG", model: rgModel) {
    Attack("rgPoke", while: !rgDone) { Require(!rgDone) }
}
let rgProc = Procedure("RGMerge", model: rgModel, incident: rgIncident) {
    Trigger(!rgDone)
    Step("merge", action: "merge", by: rgGuardian, within: 600) { Writes(rgBal, rgDone) }
}
