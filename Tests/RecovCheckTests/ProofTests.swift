import RecovIR
import RecovSMT
import Testing

@testable import RecovCheck

// Hand-worked k-induction cases (issue 13): what is proved, what must not be, and why.

/// `timeout`: wall-clock seconds per solver call; the search past `--depth` is bounded by its
/// deterministic resource limit, so a test of it can wait longer on a loaded machine.
private func check(_ b: Build, _ rule: Rule, depth: Int = 10, proofs: Bool = true, timeout: Double = 30)
    -> CheckResult
{
    #expect(Validator().diagnose(b.program).isEmpty, "fixture must be valid: \(Validator().diagnose(b.program))")
    var o = CheckOptions(depth: depth, timeoutSeconds: timeout)
    o.proofs = proofs
    return BoundedModelChecker(world: b.world, options: o).check(rule)
}

private func v(_ n: String) -> Expr { .variable(n) }
private func assign(_ t: String, _ e: Expr) -> Effect { Effect(.assign(target: t, index: nil, value: e), loc: here) }

/// The pausable fixture (a 2-of-3 guardian pauses; users withdraw) without its attack: each case
/// adds its own state, actions and invariant.
private func bare() -> Build {
    var b = Build.pausable()
    b.incident.attacks = []
    return b
}

/// (a) `x` starts in 0...10 and only ever increments (below 1000): `x >= 0` is 1-inductive.
private func incrementing() -> Build {
    var b = bare()
    b.model.state += [StateVar(name: "x", type: .int, min: 0, max: 1_000_000, loc: here)]
    b.model.assumptions = [Assertion(name: "x starts small", expr: .apply(.le, [v("x"), .int(10)]), loc: here)]
    b.model.actions += [
        Action(
            name: "inc", user: true, guardExpr: .apply(.lt, [v("x"), .int(1000)]),
            effects: [assign("x", .apply(.add, [v("x"), .int(1)]))], loc: here)
    ]
    b.model.invariants += [Assertion(name: "x is never negative", expr: .apply(.ge, [v("x"), .int(0)]), loc: here)]
    return b
}

/// (b) A counter that must reach 12 by +1 steps before the bad action is enabled: 13 transitions.
private func longAttack() -> Build {
    var b = bare()
    b.model.state += [
        StateVar(name: "c", type: .int, min: 0, max: 100, initial: .int(0), loc: here),
        StateVar(name: "bad", type: .bool, initial: .bool(false), loc: here),
    ]
    b.model.actions += [
        Action(
            name: "tick", user: true, guardExpr: .apply(.lt, [v("c"), .int(100)]),
            effects: [assign("c", .apply(.add, [v("c"), .int(1)]))], loc: here)
    ]
    b.incident.attacks = [
        Action(
            name: "strike", guardExpr: .apply(.ge, [v("c"), .int(12)]),
            effects: [assign("bad", .bool(true))], loc: here)
    ]
    b.model.invariants += [Assertion(name: "nothing bad happens", expr: !v("bad"), loc: here)]
    return b
}

/// (c) Bad debt moves from exposure to debt; `debt <= fund` holds because `debt + exposure == fund`
/// initially and is kept, but `debt <= fund` alone is not k-inductive for any k.
private func needsStrengthening() -> Build {
    var b = bare()
    b.model.state += [
        StateVar(name: "fund", type: .int, min: 0, max: 1000, initial: .int(100), loc: here),
        StateVar(name: "debt", type: .int, min: 0, max: 1000, initial: .int(0), loc: here),
        StateVar(name: "exposure", type: .int, min: 0, max: 1000, initial: .int(100), loc: here),
    ]
    b.incident.attacks = [
        Action(
            name: "borrow", params: [Param(name: "amount", type: .int, min: 1, max: 10, loc: here)],
            guardExpr: .apply(.ge, [v("exposure"), .param("amount")]),
            effects: [
                assign("exposure", .apply(.sub, [v("exposure"), .param("amount")])),
                assign("debt", .apply(.add, [v("debt"), .param("amount")])),
            ], loc: here)
    ]
    b.model.invariants += [
        Assertion(name: "the fund covers the debt", expr: .apply(.le, [v("debt"), v("fund")]), loc: here)
    ]
    return b
}

@Test func inductiveInvariantIsProvedByOneInduction() {
    let r = check(incrementing(), .invariant)
    #expect(r.verdict == .proved, "\(r.verdict) \(r.message)")
    #expect(r.proof == "1-induction")
    #expect(r.message.contains("proved for every depth by 1-induction"))
}

@Test func withoutProofsTheSameCheckIsBounded() {
    let r = check(incrementing(), .invariant, proofs: false)
    #expect(r.verdict == .holds)
    #expect(r.proof == nil)
}

@Test func longAttackIsNeverProved() {
    // An attack of 13 transitions is beyond depth 10 and must not be proved away; Spacer derives
    // it, so the search goes past the depth and reports it (bounded only, depth 10 holds).
    // The search past depth 10 once timed out (30 s wall) under a loaded CI run: unknown, not a
    // trace. Its resource limit is what bounds it; the wall-clock limit is only a guard here.
    let r10 = check(longAttack(), .invariant, depth: 10, timeout: 600)
    #expect(r10.verdict == .violated && r10.proof == nil, "\(r10.verdict) \(r10.message)")
    #expect(r10.message.contains("past --depth 10"), "\(r10.message)")
    #expect(r10.counterexample.map { $0.steps.count - 1 } == 13)
    #expect(check(longAttack(), .invariant, depth: 10, proofs: false).verdict == .holds)
    let r15 = check(longAttack(), .invariant, depth: 15, timeout: 600)
    #expect(r15.verdict == .violated)
    #expect(r15.counterexample.map { $0.steps.count - 1 } == 13)
}

@Test func searchPastDepthThatGivesUpSaysSo() {
    // Under a confirmation resource limit too small to find the 13-step trace, the search gives
    // up: the message says so (it said "no trace of that length was found within the solver's
    // resource limit" whatever ended the search, a wall-clock timeout included). Never proved.
    var o = CheckOptions(depth: 10, timeoutSeconds: 600)
    o.confirmationResourceLimit = 1
    let r = BoundedModelChecker(world: longAttack().world, options: o).check(.invariant)
    #expect(r.verdict == .holds && r.proof == nil, "\(r.verdict) \(r.message)")
    #expect(r.message.contains("the search for a trace of that length gave up ("), "\(r.message)")
    #expect(r.message.contains("(try --depth 13)"), "\(r.message)")
}

@Test func trueButNotInductiveHasNoKInductionProof() throws {
    // Proved by an inductive invariant instead (InvariantProofTests), never by k-induction.
    let b = needsStrengthening()
    #expect(
        try KInduction(world: b.world, options: CheckOptions(depth: 10, timeoutSeconds: 30)).search(
            .invariant, baseDepth: 10) == nil)
    let r = check(b, .invariant)
    #expect(
        r.proof != "1-induction" && r.proof != "2-induction" && r.proof != "3-induction" && r.proof != "4-induction",
        "\(r.proof ?? "")")
}

@Test func fixedAuthorityIsProvedForEveryState() {
    let r = check(.pausable(), .noUnilateralControl, depth: 4)
    #expect(r.verdict == .proved, "\(r.verdict) \(r.message)")
    #expect(r.proof == "0-induction")
}

@Test func collateralLossIsProvedWhereOnlyOwnersWithdraw() {
    let r = check(.pausable(), .noCollateralLoss, depth: 4)
    #expect(r.verdict == .proved, "\(r.verdict) \(r.message)")
}

@Test func proofCheckRefusesWhatDoesNotFollow() {
    let b = longAttack()
    let pc = ProofCheck(world: b.world, options: CheckOptions(depth: 10, timeoutSeconds: 30))
    // The step case is satisfiable for every k: from c == 12 the bad action is one move away.
    for k in 1...3 { #expect(!pc.confirm(.invariant, k: k, baseDepth: 10)) }
    // A step case that holds is not enough without a base case of depth k - 1.
    let a = incrementing()
    let pa = ProofCheck(world: a.world, options: CheckOptions(depth: 10, timeoutSeconds: 30))
    #expect(pa.confirm(.invariant, k: 1, baseDepth: 0))
    #expect(!pa.confirm(.invariant, k: 2, baseDepth: 0))
    // Budget properties are not attempted.
    #expect(!pa.confirm(.blastRadius, k: 1, baseDepth: 10))
}

@Test func failedSanityTurnsProvedIntoError() {
    let s = CheckResult(
        procedure: "P", rule: .sanity, verdict: .error, message: "no initial state", depth: 1, location: here)
    var p = CheckResult(procedure: "P", rule: .invariant, verdict: .proved, message: "", depth: 1, location: here)
    p.proof = "inductive invariant"
    p.invariant = ["the property itself"]
    let marked = Checker.markVacuous([s, p])
    #expect(marked[1].verdict == .error)
    #expect(marked[1].proof == nil)
    #expect(marked[1].invariant == nil)
}

@Test func aConstraintOnTheFirstStateDisablesProofs() {
    let b = incrementing()
    let ctx = Z3Context()
    let solver = Z3Solver(ctx)
    let u = Unrolling(world: b.world, ctx: ctx, solver: solver, freeInitial: true)
    #expect(KInduction.firstStateUnconstrained(solver))
    // An initial-only constraint (here the range) leaking into the step case must stop the proof.
    solver.assert(ctx.ge(u.states[0].ints["x"]!, ctx.int(0)))
    #expect(!KInduction.firstStateUnconstrained(solver))
}
