import RecovDSL
// A loss that needs 12 transitions: each attacker call leaks 1 (laOut 0 -> 12), the budget is 11;
// the pause may come as late as 30 days after the trigger and the attacker's moves take no time.
// Hand-worked: blast-radius VIOLATED at 12 transitions (12 x laLeak).
// - With --depth 10: past --depth, found after the CHC derivation (reach 10 + 20 = 30): the
//   message says "past --depth 10" and the trace has 12 laLeak transitions. Exit 1.
// - With --depth 1: reach 1 + 10 = 11 < 12: "holds" to depth 1 with the note "(try --depth 12)",
//   or VIOLATED; never a pass without the note. (Exit 0 is then the documented bounded answer.)
let laPaused = Flag("laPaused", initial: false)
let laOut = IntVar("laOut", 0...100, initial: 0)
let laA = Entity("LA A"), laB = Entity("LA B")
let laK1 = Key("la-k1", heldBy: laA), laK2 = Key("la-k2", heldBy: laB)
let laGuardian = Role.multisig("laGuardian", threshold: 2, of: [laK1, laK2])
let laModel = Model("LongAttack") {
    State(laPaused, laOut)
    Entities(laA, laB)
    Keys(laK1, laK2)
    Roles(laGuardian)
    Action("laPause", by: laGuardian) { Require(!laPaused); Assign(laPaused, true) }
    Claim { _ in IntExpr(0) }
}
let laIncident = Incident("LA", model: laModel) {
    Attack("laLeak", while: !laPaused) { Require(laOut < 100); Assign(laOut, laOut + 1) }
}
let laProc = Procedure("LAPause", model: laModel, incident: laIncident) {
    Trigger(!laPaused)
    Step("pause", action: "laPause", by: laGuardian, within: 30 * days) { Writes(laPaused) }
    Containment(laPaused, within: 30 * days)
    BlastRadius(loss: laOut, max: 11)
}
