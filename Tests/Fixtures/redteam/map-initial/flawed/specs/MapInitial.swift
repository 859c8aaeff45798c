import RecovDSL
// Issue 9 classes 9 and 11, held-out form (flawed design): balances start anywhere in 0...100,
// and the attack seizes any balance above 50: no-collateral-loss VIOLATED (a victim with 51..100
// loses it all). Saved with --save-counterexamples, then replayed:
// - `replay FILE` (against the IR saved in the file): still violated, exit 1;
// - `replay FILE --against map-initial/fixed`: the fixed design declares initial: 5 for every
//   account, so the saved start (a balance > 50) is not an initial state of the fixed design:
//   "fixed" (exit 0), never "still violated".
let miBal = AccountMap("miBal", 0...100)
let miPaused = Flag("miPaused", initial: false)
let miA = Entity("MI A"), miB = Entity("MI B")
let miK1 = Key("mi-k1", heldBy: miA), miK2 = Key("mi-k2", heldBy: miB)
let miGuardian = Role.multisig("miGuardian", threshold: 2, of: [miK1, miK2])
let miModel = Model("MapInitial") {
    State(miBal, miPaused)
    Entities(miA, miB)
    Keys(miK1, miK2)
    Roles(miGuardian)
    Action("miPause", by: miGuardian) { Require(!miPaused); Assign(miPaused, true) }
    Claim { a in miBal[a] }
}
let miIncident = Incident("MI", model: miModel) {
    Attack("miSeize", while: !miPaused) { ctx in
        let victim = ctx.account("victim")
        Require(miBal[victim] > 50)
        Assign(miBal[victim], 0)
    }
}
let miProc = Procedure("MIPause", model: miModel, incident: miIncident) {
    Trigger(!miPaused)
    Step("pause", action: "miPause", by: miGuardian, within: 600) { Writes(miPaused) }
    Containment(miPaused, within: 1 * hour)
}
