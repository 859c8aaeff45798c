import RecovDSL
// Issue 9 class 9, held-out form (fixed design): every balance starts at 5 (initial: 5) and
// nothing raises a balance, so the seizure (balances above 50 only) can never fire:
// no-collateral-loss holds or is proved — a counterexample starting above 50 would be bogus.
// miSeize never firing makes sanity fail ("attack can never fire"): checked on its own this folder
// is a sanity error naming miSeize's line, exit 2; no-collateral-loss is never VIOLATED.
// The only difference from ../flawed is `initial: 5`.
let miBal = AccountMap("miBal", 0...100, initial: 5)
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
