import RecovDSL
// Issue 9 class 3, held-out forms (model, incident): each an input error at the line in its comment. Together only the
// first, MinCoalition at 19, is reported; each other alone is an error at its line (checked by hand 2026-12-03).
let d2Paused = Flag("d2Paused", initial: false)
let d2Price = IntVar("d2Price", 1...10)
let d2A = Entity("D2 A"), d2B = Entity("D2 B")
let d2K1 = Key("d2-k1", heldBy: d2A), d2K2 = Key("d2-k2", heldBy: d2B)
let d2Guardian = Role.multisig("d2Guardian", threshold: 2, of: [d2K1, d2K2])
let d2Slow = Role.timelock("d2Slow", role: d2Guardian, minDelay: 1 * day, grace: nil)
let d2Model = Model("DupDecls2") {
    State(d2Paused, d2Price)
    Entities(d2A, d2B)
    Keys(d2K1, d2K2)
    Roles(d2Guardian, d2Slow)
    Action("d2Pause", by: d2Guardian) { Require(!d2Paused); Assign(d2Paused, true) }
    Action("d2Pause", by: d2Slow) { Require(!d2Paused); Assign(d2Paused, true) }   // line 16: a second action 'd2Pause'
    Claim { _ in IntExpr(0) }
    MinCoalition(2)
    MinCoalition(2)                                                                 // line 19: a second MinCoalition
}
let d2Incident = Incident("D2", model: d2Model) {
    Oracle(d2Price, 1...10)
    Oracle(d2Price, 2...5)                                                          // line 23: a second Oracle for d2Price
    Insider(d2A)
    Insider(d2A)                                                                    // line 25: a second Insider for one entity
    Attack("d2Poke", while: !d2Paused) { Require(!d2Paused) }
    Attack("d2Poke", while: !d2Paused) { Require(d2Price > 1) }                     // line 27: a second attack 'd2Poke'
}
let d2Proc = Procedure("D2Pause", model: d2Model, incident: d2Incident) {
    Trigger(!d2Paused)
    Step("pause", action: "d2Pause", by: d2Guardian, within: 600) { Writes(d2Paused) }
    Step("pause", action: "d2Pause", by: d2Guardian, within: 600) { Writes(d2Paused) }   // line 32: a second step 'pause'
    Containment(d2Paused, within: 1 * hour)
}
