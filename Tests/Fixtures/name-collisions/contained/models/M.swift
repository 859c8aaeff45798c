import RecovDSL
// HAND TRUTH: invariant "never released" is VIOLATED at depth 2 (step contain, then the
// permissionless `release`). no-collateral-loss irrelevant. A Flag named "contained"
// shares the Z3 constant "contained@i" with the procedure's containment flag, so the
// encoding forbids contained true -> false and hides the violation.
let contained = Flag("contained", initial: false)
let released = Flag("released", initial: false)
let cbal = AccountMap("cbal", 0...100)
let ca = Entity("A")
let cb = Entity("B")
let ka = Key("ka", heldBy: ca)
let kb = Key("kb", heldBy: cb)
let guard2 = Role.multisig("guard2", threshold: 2, of: [ka, kb])
let keeper = Role.anyone("keeper")
let cm = Model("CM") {
    State(contained, released, cbal)
    Entities(ca, cb)
    Keys(ka, kb)
    Roles(guard2, keeper)
    Action("contain", by: guard2) { Assign(contained, true) }
    Action("release", by: keeper) { Require(contained); Assign(contained, false); Assign(released, true) }
    Claim { a in cbal[a] }
    Invariant("never released", !released)
}
