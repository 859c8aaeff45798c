import RecovDSL

// Hand-worked: each assumption alone leaves initial states (cash 0...100 with cash <= 10, or with
// cash >= 50), the two together leave none, and the trigger is not to blame (every state has the
// vault unpaused). Right verdict: sanity error naming both assumptions, at the first one's line
// (the model's, line 22), every other check "vacuous", exit 2.

let cash = IntVar("cash", 0...100)
let paused = Flag("paused", initial: false)
let ownerA = Entity("Owner A")
let ownerB = Entity("Owner B")
let keyA = Key("key-a", heldBy: ownerA)
let keyB = Key("key-b", heldBy: ownerB)
let guardian = Role.multisig("guardian", threshold: 2, of: [keyA, keyB])

let model = Model("Vault") {
    State(cash, paused)
    Entities(ownerA, ownerB)
    Keys(keyA, keyB)
    Roles(guardian)
    Action("pause", by: guardian) { Require(!paused); Assign(paused, true) }
    Assume("low", cash <= 10)
    Claim { _ in cash }
}

let incident = Incident("Drain", model: model) {
    Assume("high", cash >= 50)
    Attack("skim", while: !paused) { Require(cash > 0); Assign(cash, cash - 1) }
}

let pauseVault = Procedure("PauseVault", model: model, incident: incident) {
    Trigger(!paused)
    Step("pause", action: "pause", by: guardian, within: 600) { Writes(paused) }
}
