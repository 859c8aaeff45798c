import Foundation
import RecovIR
import RecovSMT

/// The independent confirmation of a k-induction proof, before anything says `proved`.
///
/// A proof is confirmed only when all of these hold; anything else (sat, unknown, a timeout, a
/// solver error) leaves the honest bounded verdict:
/// 1. the bounded check itself found every depth `0...k-1` unsat (`k - 1 <= baseDepth`);
/// 2. the base case again, in a fresh Z3 context: no trace from the initial states violates the
///    property in states `0..<k`, as one query;
/// 3. the step case again, in another fresh context, built from scratch and asserted at once
///    (no assumption literals, no incremental state, no resource limit): unsat.
struct ProofCheck {
    let world: World
    let options: CheckOptions

    func confirm(_ rule: Rule, k: Int, baseDepth: Int) -> Bool {
        guard KInduction.supports(rule), k >= 0, k <= KInduction.maxK, k == 0 || k - 1 <= baseDepth else {
            return false
        }
        do {
            return try baseCase(rule, k: k) && unwrittenAuthorityIsConstant() && stepCase(rule, k: k)
        } catch {
            return false
        }
    }

    /// Bounded by a deterministic resource limit (twice the search's), not only by time, so a
    /// loaded machine cannot turn a proof into a bounded verdict on one run and not the next.
    private func solver(_ ctx: Z3Context) -> Z3Solver {
        Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds, resourceLimit: options.recheckResourceLimit)
    }

    /// No violation in states `0..<k` of any trace from the initial states.
    func baseCase(_ rule: Rule, k: Int) throws -> Bool {
        if k == 0 { return true }
        let ctx = Z3Context()
        let s = solver(ctx)
        let u = Unrolling(world: world, ctx: ctx, solver: s, escalation: rule == .noUnilateralControl)
        let enc = PropertyEncoding(rule: rule, unrolling: u, authorityEncoding: options.authorityEncoding)
        for _ in 0..<(k - 1) { u.extend() }
        let bad = (0..<k).compactMap { enc.violation(at: $0) }
        if bad.isEmpty { return true }
        s.assert(ctx.or(bad))
        return try s.check() == .unsat
    }

    /// The step case keeps the key holders, allowlist entries and thresholds that no action writes
    /// at their declared values (`Unrolling.freeState`). Confirms that no transition, from any state
    /// where they have those values, changes them: with the initial state, they keep them forever.
    func unwrittenAuthorityIsConstant() throws -> Bool {
        guard world.authorityIsDynamic else { return true }
        let ctx = Z3Context()
        let s = solver(ctx)
        let u = Unrolling(world: world, ctx: ctx, solver: s, escalation: true, freeInitial: true)
        u.extend()
        let a = u.states[0]
        let b = u.states[1]
        let w = AuthorityWrites(world)
        var changed: [Z3Expr] = []
        for (k, x) in a.holders where !w.keys.contains(k) { changed.append(ctx.not(ctx.eq(x, b.holders[k] ?? x))) }
        for (g, x) in a.grants where !w.grants.contains(g) { changed.append(ctx.not(ctx.eq(x, b.grants[g] ?? x))) }
        for (r, x) in a.thresholds where !w.thresholds.contains(r) {
            changed.append(ctx.not(ctx.eq(x, b.thresholds[r] ?? x)))
        }
        if changed.isEmpty { return true }
        s.assert(ctx.or(changed))
        return try s.check() == .unsat
    }

    /// The step case of `k`, from scratch.
    func stepCase(_ rule: Rule, k: Int) throws -> Bool {
        let ctx = Z3Context()
        let s = solver(ctx)
        let u = Unrolling(
            world: world, ctx: ctx, solver: s, escalation: rule == .noUnilateralControl, freeInitial: true)
        guard KInduction.stateShapeKnown(u.states[0]), KInduction.firstStateUnconstrained(s) else { return false }
        let enc = PropertyEncoding(rule: rule, unrolling: u, authorityEncoding: options.authorityEncoding)
        for _ in 0..<k { u.extend() }
        for i in 0..<k { if let v = enc.violation(at: i) { s.assert(ctx.not(v)) } }
        let last = KInduction.isStateProperty(rule) ? k : k - 1
        let q = StepQuery.distinctness(ctx)
        if last >= 1 {
            for j in 1...last { for i in 0..<j { s.assert(q(u.states[i], u.states[j])) } }
        }
        guard let bad = enc.violation(at: k) else { return false }
        s.assert(bad)
        return try s.check() == .unsat
    }
}
