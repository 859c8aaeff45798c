import RecovDSL
// SIDE NOTE (BMC, not proofs): copy of ../contained-renamed plus an unused Flag named "violation",
// whose Z3 constants "violation@d" are the bounded check's per-depth assumption literals.
// HAND TRUTH: invariant "never released" VIOLATED at depth 2 (step contain, then anyone calls release).
let isContained = Flag("isContained", initial: false)
let released = Flag("released", initial: false)
let violationFlag = Flag("violation", initial: false)
let cbal = AccountMap("cbal", 0...100)
let ca = Entity("A")
let cb = Entity("B")
let ka = Key("ka", heldBy: ca)
let kb = Key("kb", heldBy: cb)
let guard2 = Role.multisig("guard2", threshold: 2, of: [ka, kb])
let keeper = Role.anyone("keeper")
let cm = Model("CM") {
    State(isContained, released, cbal, violationFlag)
    Entities(ca, cb)
    Keys(ka, kb)
    Roles(guard2, keeper)
    Action("contain", by: guard2) { Assign(isContained, true) }
    Action("release", by: keeper) { Require(isContained); Assign(isContained, false); Assign(released, true) }
    Claim { a in cbal[a] }
    Invariant("never released", !released)
}
