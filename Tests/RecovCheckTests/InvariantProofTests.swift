import RecovIR
import RecovSMT
import Testing

@testable import RecovCheck

// Hand-worked proofs by an inductive invariant (issue 13): a property k-induction cannot prove
// but an invariant can; attacks longer than the depth, which must never be proved; a tampered
// invariant, which the independent re-check must refuse.

private func check(_ b: Build, _ rule: Rule, depth: Int = 10, proofs: Bool = true) -> CheckResult {
    #expect(Validator().diagnose(b.program).isEmpty, "fixture must be valid: \(Validator().diagnose(b.program))")
    var options = CheckOptions(depth: depth, timeoutSeconds: 30)
    options.proofs = proofs
    return BoundedModelChecker(world: b.world, options: options).check(rule)
}

private func v(_ n: String) -> Expr { .variable(n) }
private func assign(_ t: String, _ e: Expr) -> Effect { Effect(.assign(target: t, index: nil, value: e), loc: here) }
private let options = CheckOptions(depth: 10, timeoutSeconds: 30)

/// Bad debt moves from exposure to debt: `debt <= fund` holds because `debt + exposure == fund`
/// (100 + 0 == 100 at the start, and every borrow moves `amount` from one to the other), but
/// `debt <= fund` alone is not k-inductive for any k (from debt == fund - 1 and a large exposure,
/// one borrow breaks it).
private func needsStrengthening() -> Build {
    var b = Build.pausable()
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

/// A user counter must reach 11 (+1 per move) before the attacker can jam the pause, whose guard
/// then fails at its deadline: blocked after 11 + 1 moves and a tick, 13 transitions. Within depth 10
/// everything holds; no proof may say so for every depth.
private func lateJam() -> Build {
    var b = Build.pausable()
    b.model.state += [
        StateVar(name: "c", type: .int, min: 0, max: 100, initial: .int(0), loc: here),
        StateVar(name: "jam", type: .bool, initial: .bool(false), loc: here),
    ]
    b.model.actions[0].guardExpr = .apply(.and, [!v("paused"), !v("jam")])
    b.model.actions += [
        Action(
            name: "count", user: true, guardExpr: .apply(.lt, [v("c"), .int(100)]),
            effects: [assign("c", .apply(.add, [v("c"), .int(1)]))], loc: here)
    ]
    b.incident.attacks = [
        Action(
            name: "jamIt", guardExpr: .apply(.ge, [v("c"), .int(11)]), effects: [assign("jam", .bool(true))], loc: here),
        Action(
            name: "drain", guardExpr: .apply(.ge, [v("c"), .int(11)]),
            effects: [assign("stolen", .apply(.add, [v("stolen"), .int(1)]))], loc: here),
    ]
    b.procedure.blastRadius = BlastRadius(loss: v("stolen"), max: 0, loc: here)
    return b
}

@Test func aPropertyThatNeedsAnInvariantIsProvedByOneNotByKInduction() throws {
    let b = needsStrengthening()
    #expect(try KInduction(world: b.world, options: options).search(.invariant, baseDepth: 10) == nil)
    let r = check(b, .invariant)
    #expect(r.verdict == .proved, "\(r.verdict) \(r.message)")
    #expect(r.proof == "inductive invariant")
    #expect(r.message.contains("proved for every depth by an inductive invariant"))
    #expect(r.invariant?.contains("debt + exposure == its value at the trigger") == true, "\(r.invariant ?? [])")
}

@Test func aTamperedInvariantFailsTheRecheck() throws {
    let b = needsStrengthening()
    let lemmas = try #require(try InvariantProof(world: b.world, options: options).search(.invariant))
    let recheck = InvariantCheck(world: b.world, options: options)
    #expect(recheck.confirm(.invariant, lemmas))
    // Without the conserved sum, the rest is not inductive (or no longer implies the property).
    let weakened = lemmas.filter { $0 != .sumConserved("debt", "exposure") }
    #expect(weakened.count == lemmas.count - 1)
    #expect(!recheck.confirm(.invariant, weakened))
    // A lemma the transitions break (debt changes on every borrow): not inductive.
    #expect(!recheck.confirm(.invariant, lemmas + [.sinceTrigger("debt", .equal)]))
    // A lemma that fails initially: not initiated.
    #expect(!recheck.confirm(.invariant, lemmas + [.flag("paused", value: true, pc: 0, orLater: true)]))
    // The property alone is not inductive; nothing is not a proof.
    #expect(!recheck.confirm(.invariant, [.property]))
    #expect(!recheck.confirm(.invariant, []))
    #expect(!recheck.confirm(.sanity, lemmas))
}

@Test func containmentTimeIsProvedWithAnExactWorstCase() {
    let r = check(.pausable(), .containmentTime)
    #expect(r.verdict == .proved, "\(r.verdict) \(r.message)")
    #expect(
        r.invariant?.contains("after step 'pause', the protocol is contained (paused)") == true, "\(r.invariant ?? [])")
    #expect(r.worstCase == 60)
    #expect(r.message.contains("worst case: exactly uncontained for 1m after the trigger"), "\(r.message)")
}

@Test func anAttackLongerThanTheDepthIsNeverProved() {
    let b = lateJam()
    for rule in [Rule.containmentTime, .boundedIntervention, .blastRadius] {
        // A 13-transition attack is never proved at depth 10: Spacer derives it and the search past
        // the depth finds it; bounded only, depth 10 holds.
        let r10 = check(b, rule, depth: 10)
        #expect(
            r10.verdict == .violated && r10.message.contains("past --depth 10"),
            "\(rule): \(r10.verdict) \(r10.message)")
        #expect(r10.proof == nil && r10.invariant == nil)
        #expect(check(b, rule, depth: 10, proofs: false).verdict == .holds)
        #expect(
            !InvariantCheck(world: b.world, options: options).confirm(
                rule, InvariantProof(world: b.world, options: options).candidates(rule)))
    }
    let r15 = check(b, .containmentTime, depth: 15)
    #expect(r15.verdict == .violated, "\(r15.verdict) \(r15.message)")
}

/// A loss that reaches exactly the largest literal (10^15, its range's bound) in one move and can
/// grow no further: the worst case is that value, not "unbounded" (red team: a proved budget of
/// 10^15 was reported beside "worst case found: unbounded").
@Test func aLossAtTheLiteralCeilingIsBoundedNotUnbounded() {
    var b = Build.pausable()
    let ceiling = 1_000_000_000_000_000
    b.model.state += [StateVar(name: "big", type: .int, min: 0, max: ceiling, initial: .int(0), loc: here)]
    b.incident.attacks = [
        Action(
            name: "grow", params: [Param(name: "amount", type: .int, min: 1, max: ceiling, loc: here)],
            guardExpr: .apply(.le, [.apply(.add, [v("big"), .param("amount")]), .int(ceiling)]),
            effects: [assign("big", .apply(.add, [v("big"), .param("amount")]))], loc: here)
    ]
    b.procedure.blastRadius = BlastRadius(loss: v("big"), max: ceiling, loc: here)
    let r = check(b, .blastRadius)
    #expect(r.worstCase == ceiling, "\(r.message)")
    #expect(!r.message.contains("unbounded"), "\(r.message)")
}
