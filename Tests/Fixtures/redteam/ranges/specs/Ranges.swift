import RecovDSL
// Issue 9 class 15, held-out forms:
// One procedure, RGPause:
// - invariant VIOLATED: a permissionless action (role on `anyone`, accepted) doubles every balance
//   with AssignAll and no bound, so a balance of 6..10 leaves 0...10; rgBump also takes rgCount
//   (initial 5, range 0...5) to 6. Either is "left its declared range", in 1 transition.
// - blast-radius VIOLATED (budget 0): rgBump pushes rgCount past its range, then rgDrain, which
//   needs rgCount > 5, moves the cash out: the range does not hide the drain that follows
//   (2 transitions). no-collateral-loss: doubling never lowers a claim: holds. Exit 1.
let rgBal = AccountMap("rgBal", 0...10)
let rgCount = IntVar("rgCount", 0...5, initial: 5)
let rgCash = IntVar("rgCash", 0...100, initial: 100)
let rgOut = IntVar("rgOut", 0...100, initial: 0)
let rgPaused = Flag("rgPaused", initial: false)
let rgA = Entity("RG A"), rgB = Entity("RG B")
let rgK1 = Key("rg-k1", heldBy: rgA), rgK2 = Key("rg-k2", heldBy: rgB)
let rgGuardian = Role.multisig("rgGuardian", threshold: 2, of: [rgK1, rgK2])
let rgOpen = Role.anyone("rgOpen").allowUnilateral("anyone may double")
let rgModel = Model("Ranges") {
    State(rgBal, rgCount, rgCash, rgOut, rgPaused)
    Entities(rgA, rgB)
    Keys(rgK1, rgK2)
    Roles(rgGuardian, rgOpen)
    Action("rgPause", by: rgGuardian) { Require(!rgPaused); Assign(rgPaused, true) }
    Action("rgDouble", by: rgOpen) { AssignAll(rgBal) { a in rgBal[a] * 2 } }
    Claim { a in rgBal[a] }
}
let rgIncident = Incident("RG", model: rgModel) {
    Attack("rgBump", while: !rgPaused) { Assign(rgCount, rgCount + 1) }
    Attack("rgDrain", while: !rgPaused) { Require(rgCount > 5 && rgCash > 0); Assign(rgCash, 0); Assign(rgOut, rgCash) }
}
let rgProc = Procedure("RGPause", model: rgModel, incident: rgIncident) {
    Trigger(!rgPaused)
    Step("pause", action: "rgPause", by: rgGuardian, within: 600) { Writes(rgPaused) }
    Containment(rgPaused, within: 1 * hour)
    BlastRadius(loss: rgOut, max: 0)
}
