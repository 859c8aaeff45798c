import RecovDSL

// Issue 13 (c): true, but not k-inductive. Borrowing moves value from `nsExposure` to `nsDebt`;
// nsDebt + nsExposure == nsFund == 100 initially and is kept, so nsDebt <= nsFund always holds.
// But nsDebt <= nsFund alone is not k-inductive for any k (from nsDebt == nsFund - 1 with a large
// exposure, a borrow breaks it; simple paths do not help since nsDebt grows). Expected: invariant
// holds to depth 10, honestly bounded, not proved (it needs the strengthening above).

let nsFund = IntVar("nsFund", 0...1_000, initial: 100)
let nsDebt = IntVar("nsDebt", 0...1_000, initial: 0)
let nsExposure = IntVar("nsExposure", 0...1_000, initial: 100)
let nsPaused = Flag("nsPaused", initial: false)
let nsA = Entity("NS A")
let nsB = Entity("NS B")
let nsK1 = Key("ns-k1", heldBy: nsA)
let nsK2 = Key("ns-k2", heldBy: nsB)
let nsGuardian = Role.multisig("nsGuardian", threshold: 2, of: [nsK1, nsK2])

let nsModel = Model("ProofNeedsStrengthening") {
    State(nsFund, nsDebt, nsExposure, nsPaused)
    Entities(nsA, nsB)
    Keys(nsK1, nsK2)
    Roles(nsGuardian)
    Action("nsPause", by: nsGuardian) {
        Assign(nsPaused, true)
    }
    Claim { _ in IntExpr(0) }
    Invariant("the fund covers the debt", nsDebt <= nsFund)
}

let nsIncident = Incident("NS incident", model: nsModel) {
    Attack("nsBorrow", while: !nsPaused) { ctx in
        let amount = ctx.int("amount", 1...10)
        Require(nsExposure >= amount)
        Assign(nsExposure, nsExposure - amount)
        Assign(nsDebt, nsDebt + amount)
    }
}

let nsProcedure = Procedure("ProofNeedsStrengthening", model: nsModel, incident: nsIncident) {
    Trigger(!nsPaused)
    Step("pause", action: "nsPause", by: nsGuardian, within: 3_600) { Writes(nsPaused) }
}
