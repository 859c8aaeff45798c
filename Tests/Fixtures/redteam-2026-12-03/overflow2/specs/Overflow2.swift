import RecovDSL
// Arithmetic near the documented limits (literals up to 10^15; the solver's integers unbounded,
// everything outside it checked 64-bit). Hand-worked:
// - OFClaim: the claim is ofBal[a] * 10^15 * 10^15; the attack halves a victim's balance (1 -> 0
//   is a drop from 10^30 to 0). A counterexample needs a value beyond 64 bits:
//   no-collateral-loss is an ERROR naming the overflowing expression, exit 2. Never a crash and
//   never a pass.
// - OFLoss: blast-radius over ofBig * 10^15 where the attack raises ofBig from 0 to 10^4: the loss
//   rises by 10^19 > Int64.max (9.2e18): VIOLATED ("more than 9.2e18 lost") or an ERROR naming the
//   expression; never a crash, never a pass.
let ofBal = AccountMap("ofBal", 0...10)
let ofBig = IntVar("ofBig", 0...10_000, initial: 0)
let ofPaused = Flag("ofPaused", initial: false)
let ofA = Entity("OF A"), ofB = Entity("OF B")
let ofK1 = Key("of-k1", heldBy: ofA), ofK2 = Key("of-k2", heldBy: ofB)
let ofGuardian = Role.multisig("ofGuardian", threshold: 2, of: [ofK1, ofK2])
let ofModel = Model("Overflow2") {
    State(ofBal, ofBig, ofPaused)
    Entities(ofA, ofB)
    Keys(ofK1, ofK2)
    Roles(ofGuardian)
    Action("pause", by: ofGuardian) { Require(!ofPaused); Assign(ofPaused, true) }
    Claim { a in ofBal[a] * 1_000_000_000_000_000 * 1_000_000_000_000_000 }
}
let ofIncident = Incident("OF", model: ofModel) {
    Attack("halve", while: !ofPaused) { ctx in
        let victim = ctx.account("victim")
        Assign(ofBal[victim], ofBal[victim] / 2)
    }
    Attack("grow", while: !ofPaused) { Assign(ofBig, 10_000) }
}
let ofClaim = Procedure("OFClaim", model: ofModel, incident: ofIncident) {
    Trigger(!ofPaused)
    Step("pause", action: "pause", by: ofGuardian, within: 600) { Writes(ofPaused) }
}
let ofLoss = Procedure("OFLoss", model: ofModel, incident: ofIncident) {
    Trigger(!ofPaused)
    Step("pause", action: "pause", by: ofGuardian, within: 600) { Writes(ofPaused) }
    BlastRadius(loss: ofBig * 1_000_000_000_000_000, max: 1)
}
