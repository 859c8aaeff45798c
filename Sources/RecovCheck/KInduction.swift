import Foundation
import RecovIR
import RecovSMT

/// Proofs for every depth by k-induction over the bounded unrolling's transition relation.
///
/// - Base case: no violation in states `0..<k` of any trace from the initial states. The bounded
///   check already established it (it found no violation up to its depth, `baseDepth >= k - 1`).
/// - Step case: from *any* well-typed state (free program counter, clock, step times, containment
///   flag and, where authority can change, authority; no range, initial value, assumption or
///   trigger, which only hold initially), `k` consecutive transitions whose states `0..<k` satisfy
///   the property lead to a state `k` that satisfies it too. States are pairwise distinct (simple
///   path): a shortest violating trace never repeats a state, so this only removes traces that
///   are not shortest.
///
/// Only rules that are properties of one state or of one transition are attempted: `invariant`,
/// `no-collateral-loss`, `no-unilateral-control`. A proof found here is only reported after
/// `ProofCheck` has confirmed it with queries built from scratch in fresh Z3 contexts.
struct KInduction {
    let world: World
    let options: CheckOptions
    /// The largest k tried.
    static let maxK = 4

    static func supports(_ rule: Rule) -> Bool {
        rule == .invariant || rule == .noCollateralLoss || rule == .noUnilateralControl
    }

    /// A violation at depth `d` depends on state `d` alone (else on the transition into `d`).
    static func isStateProperty(_ rule: Rule) -> Bool { rule == .invariant || rule == .noUnilateralControl }

    /// The fields of `SymbolicState` that `Unrolling.freeState` frees and `distinct` compares. A
    /// field added to `SymbolicState` but not here disables proofs (it might stay constrained in
    /// the step case's first state, which would make the step case unsound).
    static let knownFields: Set<String> = [
        "ints", "bools", "maps", "now", "pc", "last", "stepTimes", "contained",
        "holders", "grants", "thresholds",
    ]

    static func stateShapeKnown(_ s: SymbolicState) -> Bool {
        Mirror(reflecting: s).children.allSatisfy { c in c.label.map { knownFields.contains($0) } ?? false }
    }

    /// Whether a free unrolling, just built (before any transition), asserts nothing about its first
    /// state: every state-0 constant is named `...@0`, and none may occur in the solver's assertions.
    /// This catches an initial-only constraint (a range, an initial value, an assumption, the trigger,
    /// a common value of fresh accounts) that the initial-state construction would add in free mode.
    static func firstStateUnconstrained(_ solver: Z3Solver) -> Bool {
        let text = solver.smtText
        return !text.contains("@0")
    }

    /// A check's passing result, upgraded to `proved` when a k-induction proof is found and
    /// confirmed; otherwise returned unchanged (the honest bounded verdict).
    func upgrade(_ r: CheckResult, baseDepth: Int) -> CheckResult {
        guard r.verdict == .holds, Self.supports(r.rule) else { return r }
        guard let k = try? search(r.rule, baseDepth: baseDepth) else { return r }
        guard ProofCheck(world: world, options: options).confirm(r.rule, k: k, baseDepth: baseDepth) else { return r }
        var p = r
        p.verdict = .proved
        p.proof = "\(k)-induction"
        var m = r.message
        for suffix in [", to depth \(r.depth)", " up to depth \(r.depth)"] where m.hasSuffix(suffix) {
            m.removeLast(suffix.count)
        }
        m = m.replacingOccurrences(of: "in every state up to depth \(r.depth)", with: "in every reachable state")
        if m.contains("for every state (authority is fixed") {
            p.message = m + "; proved (0-induction, re-checked)"
        } else {
            p.message =
                m
                + (k == 0
                    ? ": proved for every state (0-induction: no well-typed state violates it, re-checked)"
                    : ": proved for every depth by \(k)-induction (re-checked)")
        }
        return p
    }

    /// The least k (up to `maxK`, and `baseDepth + 1` for the base case) whose step case is unsat,
    /// on one incremental solver with a deterministic resource limit. Nil: no proof.
    func search(_ rule: Rule, baseDepth: Int) throws -> Int? {
        let ctx = Z3Context()
        let solver = Z3Solver(
            ctx, timeoutMs: options.timeoutMilliseconds,
            resourceLimit: options.proofResourceLimit)
        let q = StepQuery(world: world, options: options, rule: rule, ctx: ctx, solver: solver)
        guard q.shapeKnown else { return nil }
        for k in 0...min(Self.maxK, baseDepth + 1) {
            if k > 0 { q.extend() }
            guard let bad = q.violation(at: k) else { continue }
            let lit = ctx.boolConst("bad@\(k)")
            solver.assert(ctx.implies(lit, bad))
            switch try solver.check(assuming: [lit]) {
            case .unsat: return k
            case .sat: continue
            case .unknown: return nil
            }
        }
        return nil
    }
}
