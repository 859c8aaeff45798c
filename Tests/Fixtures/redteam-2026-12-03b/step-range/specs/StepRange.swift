import RecovDSL
// A procedure step whose fixed argument takes a variable out of its declared range: srCash starts
// at 950 in 0...1000, the step refills it by its args ["x": 100] (no Require on the sum), and a
// map entry of the two accounts the step names goes to 8 + 5 = 13 in 0...10 (srMap initial 8).
// Hand-worked (docs/semantics.md, Ranges: leaving a declared range violates `invariant`, with a
// replayed trace, and the trace is not dropped):
// - SRRefill: invariant VIOLATED: 'srCash' = 1050 left its declared range 0...1000 (1 transition,
//   the step). bounded-intervention holds (Writes declared; no InRange); sanity holds.
// - SRCredit: the step credits 5 to srMap[b] for accounts a != b: invariant VIOLATED, an entry
//   = 13 outside 0...10. bounded-intervention holds.
// Exit 1.
let srCash = IntVar("srCash", 0...1_000, initial: 950)
let srMap = AccountMap("srMap", 0...10, initial: 8)
let srDone = Flag("srDone", initial: false)
let srA = Entity("SR A"), srB = Entity("SR B")
let srK1 = Key("sr-k1", heldBy: srA), srK2 = Key("sr-k2", heldBy: srB)
let srGuardian = Role.multisig("srGuardian", threshold: 2, of: [srK1, srK2])
let srModel = Model("StepRange") {
    State(srCash, srMap, srDone)
    Entities(srA, srB)
    Keys(srK1, srK2)
    Roles(srGuardian)
    Action("refill", by: srGuardian) { ctx in
        let x = ctx.int("x", 1...100)
        Require(!srDone)
        Assign(srCash, srCash + x)
        Assign(srDone, true)
    }
    Action("credit", by: srGuardian) { ctx in
        let a = ctx.account("a"), b = ctx.account("b")
        Require(!srDone && a != b && srMap[a] >= 5)
        Assign(srMap[a], srMap[a] - 5)
        Assign(srMap[b], srMap[b] + 5)
        Assign(srDone, true)
    }
    Claim { _ in IntExpr(0) }
}
let srIncident = Incident("SR", model: srModel) {
    Attack("srPoke", while: !srDone) { Require(!srDone) }
}
let srRefill = Procedure("SRRefill", model: srModel, incident: srIncident) {
    Trigger(!srDone)
    Step("refill", action: "refill", by: srGuardian, within: 600, args: ["x": 100]) { Writes(srCash, srDone) }
}
let srCredit = Procedure("SRCredit", model: srModel, incident: srIncident) {
    Trigger(!srDone)
    Step("credit", action: "credit", by: srGuardian, within: 600) { Writes(srMap, srDone) }
}
