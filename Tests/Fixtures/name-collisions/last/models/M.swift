import RecovDSL
// HAND TRUTH: invariant "price below cap" (last < 999) VIOLATED at depth 2: attack arm, then
// attack pump sets last = 999. An IntVar named "last" shares the Z3 constants "last@i" with the
// procedure's time-of-previous-step, so a non-step transition cannot change it (after the first).
let last = IntVar("last", 0...1_000, initial: 0)
let armed = Flag("armed", initial: false)
let lbal = AccountMap("lbal", 0...100)
let la = Entity("LA")
let lb = Entity("LB")
let lka = Key("lka", heldBy: la)
let lkb = Key("lkb", heldBy: lb)
let lrole = Role.multisig("lrole", threshold: 2, of: [lka, lkb])
let lm = Model("LastPrice") {
    State(last, armed, lbal)
    Entities(la, lb)
    Keys(lka, lkb)
    Roles(lrole)
    Action("ack", by: lrole) { Assign(armed, armed) }
    Claim { a in lbal[a] }
    Invariant("price below cap", last < 999)
}
