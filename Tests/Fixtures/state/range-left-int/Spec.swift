import RecovDSL

// `cash` is declared 0...100, but the drain has no Require(cash >= amount): from cash = 0 one
// drain of 1 takes it to -1. Leaving a declared range is a violation of `invariant` (depth 1),
// even though the model declares no Invariant.
let rliCash = IntVar("cash", 0...100)
let rliPaused = Flag("paused", initial: false)
let rliA = Entity("A")
let rliB = Entity("B")
let rliK1 = Key("k1", heldBy: rliA)
let rliK2 = Key("k2", heldBy: rliB)
let rliRole = Role.multisig("admins", threshold: 2, of: [rliK1, rliK2])

let rliModel = Model("Vault") {
    State(rliCash, rliPaused)
    Entities(rliA, rliB)
    Keys(rliK1, rliK2)
    Roles(rliRole)
    Action("pause", by: rliRole) { Assign(rliPaused, true) }
}

let rliIncident = Incident("Drain", model: rliModel) {
    Attack("drain", while: !rliPaused) { ctx in
        let amount = ctx.int("amount", 1...50)
        Assign(rliCash, rliCash - amount)
    }
}

let rliProc = Procedure("RangeLeftInt", model: rliModel, incident: rliIncident) {
    Trigger(!rliPaused)
    Step("pause", action: "pause", by: rliRole, within: 3600) { Writes(rliPaused) }
}
