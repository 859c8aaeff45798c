import RecovDSL

// Issue 13 (a): an inductive invariant. `piX` starts in 0...10 (an assumption: it only holds
// initially) and only ever increments, below 1000. Hand-worked: `piX >= 0` is 1-inductive (from
// any state with piX >= 0, every transition keeps piX >= 0), and it holds initially.
// Expected: invariant PROVED by 1-induction.

let piX = IntVar("piX", 0...1_000_000)
let piPaused = Flag("piPaused", initial: false)
let piA = Entity("PI A")
let piB = Entity("PI B")
let piK1 = Key("pi-k1", heldBy: piA)
let piK2 = Key("pi-k2", heldBy: piB)
let piGuardian = Role.multisig("piGuardian", threshold: 2, of: [piK1, piK2])

let piModel = Model("ProofInductive") {
    State(piX, piPaused)
    Entities(piA, piB)
    Keys(piK1, piK2)
    Roles(piGuardian)
    Assume("x starts small", piX <= 10)
    Action("piPause", by: piGuardian) {
        Assign(piPaused, true)
    }
    UserAction("piInc") { _ in
        Require(piX < 1_000)
        Assign(piX, piX + 1)
    }
    Claim { _ in IntExpr(0) }
    Invariant("x is never negative", piX >= 0)
}

let piIncident = Incident("PI incident", model: piModel) {}

let piProcedure = Procedure("ProofInductive", model: piModel, incident: piIncident) {
    Trigger(!piPaused)
    Step("pause", action: "piPause", by: piGuardian, within: 3_600) { Writes(piPaused) }
}
