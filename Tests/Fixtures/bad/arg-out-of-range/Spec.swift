import RecovDSL

// Hand-worked: the step passes amount 5_000 to a parameter declared 1...1_000, so no call of
// `withdraw` can take it. Right verdict: an input error at the step's line (line 30), exit 2 — not
// "step 'sweep' cannot run at its deadline", which reads as a finding about the design.

let cash = IntVar("cash", 0...10_000, initial: 5_000)
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
    Action("withdraw", by: guardian) { ctx in
        let amount = ctx.int("amount", 1...1_000)
        Require(cash >= amount)
        Assign(cash, cash - amount)
    }
    Claim { _ in cash }
}
let incident = Incident("Drain", model: model) { Attack("poke", while: !paused) { Require(!paused) } }
let sweep = Procedure("Sweep", model: model, incident: incident) {
    Trigger(!paused)
    Step("sweep", action: "withdraw", by: guardian, within: 600, args: ["amount": 5_000]) { Writes(cash) }
}
