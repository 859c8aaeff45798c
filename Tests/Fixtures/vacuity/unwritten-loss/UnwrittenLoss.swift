import RecovDSL

// Hand-worked (issue 9, item 6; red-team finding of 2026-12-03): the blast radius measures
// `ulTreasury`, which no action, attack or oracle move writes (the attack drains `ulPool`), so
// the loss is 0 on every trace and blast-radius passes whatever the procedure does (before the
// fix: proved, exit 0). Right verdict: blast-radius error "vacuous" at the BlastRadius line,
// exit 2; the other checks as they are (the pause stops the drain: no-collateral-loss holds).

let ulPaused = Flag("ulPaused", initial: false)
let ulPool = IntVar("ulPool", 0...1_000, initial: 1_000)
let ulTreasury = IntVar("ulTreasury", 0...1_000, initial: 500)
let ulA = Entity("UL Guardian A")
let ulB = Entity("UL Guardian B")
let ulKeyA = Key("ul-a", heldBy: ulA)
let ulKeyB = Key("ul-b", heldBy: ulB)
let ulGuardian = Role.multisig("ulGuardian", threshold: 2, of: [ulKeyA, ulKeyB])

let ulModel = Model("UnwrittenLoss") {
    State(ulPaused, ulPool, ulTreasury)
    Entities(ulA, ulB)
    Keys(ulKeyA, ulKeyB)
    Roles(ulGuardian)
    Claim { _ in IntExpr(0) }
    Action("pause", by: ulGuardian) { Require(!ulPaused); Assign(ulPaused, true) }
}

let ulExploit = Incident("UL drain", model: ulModel) {
    Attack("drain", while: !ulPaused) { Require(ulPool >= 100); Assign(ulPool, ulPool - 100) }
}

let ulPause = Procedure("ULPause", model: ulModel, incident: ulExploit) {
    Trigger(!ulPaused)
    Step("pause", action: "pause", by: ulGuardian, within: 3_600) { Writes(ulPaused) }
    BlastRadius(loss: 500 - ulTreasury, max: 0)
}
