import RecovDSL

// Hand-worked (issue 9, item 6): the claim is `ucBal[a]`, which no action, attack or oracle move
// writes (the attack drains `ucPool`, the pool the balances stand for, but the model never moves
// the balances), so no account's claim ever drops and no-collateral-loss passes whatever the
// attacker does (before the fix: proved, exit 0). Right verdict: no-collateral-loss does not
// apply (n/a, saying the claim never changes here), not a pass; the rest as it is, exit 0.

let ucPaused = Flag("ucPaused", initial: false)
let ucPool = IntVar("ucPool", 0...1_000, initial: 1_000)
let ucBal = AccountMap("ucBal", 0...1_000)
let ucA = Entity("UC Guardian A")
let ucB = Entity("UC Guardian B")
let ucKeyA = Key("uc-a", heldBy: ucA)
let ucKeyB = Key("uc-b", heldBy: ucB)
let ucGuardian = Role.multisig("ucGuardian", threshold: 2, of: [ucKeyA, ucKeyB])

let ucModel = Model("UnwrittenClaim") {
    State(ucPaused, ucPool, ucBal)
    Entities(ucA, ucB)
    Keys(ucKeyA, ucKeyB)
    Roles(ucGuardian)
    Claim { a in ucBal[a] }
    Action("pause", by: ucGuardian) { Require(!ucPaused); Assign(ucPaused, true) }
}

let ucExploit = Incident("UC drain", model: ucModel) {
    Attack("drain", while: !ucPaused) { Require(ucPool >= 100); Assign(ucPool, ucPool - 100) }
}

let ucPause = Procedure("UCPause", model: ucModel, incident: ucExploit) {
    Trigger(!ucPaused)
    Step("pause", action: "pause", by: ucGuardian, within: 3_600) { Writes(ucPaused) }
}
