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

/// The step case of k-induction, built incrementally: `extend()` adds one transition, assumes the
/// property in the previous last state (or transition) and adds the simple-path constraints.
final class StepQuery {
    let rule: Rule
    let ctx: Z3Context
    let solver: Z3Solver
    let unrolling: Unrolling
    let encoding: PropertyEncoding
    let shapeKnown: Bool

    init(world: World, options: CheckOptions, rule: Rule, ctx: Z3Context, solver: Z3Solver) {
        self.rule = rule
        self.ctx = ctx
        self.solver = solver
        unrolling = Unrolling(
            world: world, ctx: ctx, solver: solver, escalation: rule == .noUnilateralControl, freeInitial: true)
        encoding = PropertyEncoding(rule: rule, unrolling: unrolling, authorityEncoding: options.authorityEncoding)
        shapeKnown = KInduction.stateShapeKnown(unrolling.states[0]) && KInduction.firstStateUnconstrained(solver)
    }

    var k: Int { unrolling.depth }

    func violation(at d: Int) -> Z3Expr? { encoding.violation(at: d) }

    /// From k to k + 1 transitions.
    func extend() {
        let k = self.k
        if let v = encoding.violation(at: k) { solver.assert(ctx.not(v)) }
        unrolling.extend()
        // Pairwise distinct states: 0...k+1 for a state property, 0...k for a transition property
        // (a shortest trace to a violating transition may end in a state it visited before).
        let newest = KInduction.isStateProperty(rule) ? k + 1 : k
        for i in 0..<newest where newest >= 1 {
            solver.assert(distinct(unrolling.states[i], unrolling.states[newest]))
        }
    }

    func distinct(_ a: SymbolicState, _ b: SymbolicState) -> Z3Expr { Self.distinctness(ctx)(a, b) }

    /// Two states differ in some component (every component of `SymbolicState`).
    static func distinctness(_ ctx: Z3Context) -> (SymbolicState, SymbolicState) -> Z3Expr {
        { a, b in
            var parts: [Z3Expr] = []
            func ne(_ x: Z3Expr, _ y: Z3Expr) { parts.append(ctx.not(ctx.eq(x, y))) }
            for (n, x) in a.ints { if let y = b.ints[n] { ne(x, y) } }
            for (n, x) in a.bools { if let y = b.bools[n] { ne(x, y) } }
            for (n, x) in a.maps { if let y = b.maps[n] { ne(x, y) } }
            ne(a.now, b.now)
            ne(a.pc, b.pc)
            ne(a.last, b.last)
            ne(a.contained, b.contained)
            for (x, y) in zip(a.stepTimes, b.stepTimes) { ne(x, y) }
            for (n, x) in a.holders { if let y = b.holders[n] { ne(x, y) } }
            for (g, x) in a.grants { if let y = b.grants[g] { ne(x, y) } }
            for (n, x) in a.thresholds { if let y = b.thresholds[n] { ne(x, y) } }
            return ctx.or(parts)
        }
    }
}

extension Unrolling {
    /// Frees every component of the first state that the initial-state construction fixed (the
    /// program counter, the previous step's time, step times, containment and, where authority
    /// can change, holders, allowlist entries and thresholds). Variables are fresh constants already.
    func freeState(_ s: SymbolicState) {
        let n = world.procedure.steps.count
        s.now = ctx.intConst("now@0")
        s.pc = ctx.intConst("pc@0")
        s.last = ctx.intConst("last@0")
        s.stepTimes = (0..<n).map { ctx.intConst("time.\($0)@0") }
        if world.procedure.containment != nil { s.contained = ctx.boolConst("contained@0") }
        if dynamicAuthority {
            // Only what some action writes is freed; the rest keeps its declared value, which it
            // has in every reachable state (`ProofCheck` confirms no transition changes it).
            let w = AuthorityWrites(world)
            for k in s.holders.keys where w.keys.contains(k) {
                s.holders[k] = ctx.intConst(SymbolName.holder(k) + "@0")
            }
            for g in s.grants.keys where w.grants.contains(g) {
                s.grants[g] = ctx.boolConst(SymbolName.grant(key: g.key, entity: g.entity) + "@0")
            }
            for r in s.thresholds.keys where w.thresholds.contains(r) {
                s.thresholds[r] = ctx.intConst(SymbolName.threshold(r) + "@0")
            }
        }
    }
}

/// The key holders, allowlist entries and thresholds some action or attack writes.
struct AuthorityWrites {
    var keys: Set<String> = []
    var grants: Set<Grant> = []
    var thresholds: Set<String> = []

    init(_ world: World) {
        for a in world.model.actions + world.attacks {
            for e in a.effects {
                switch e.change {
                case .rotateKey(let k, _): keys.insert(k)
                case .grant(let k, let en), .revoke(let k, let en): grants.insert(Grant(key: k, entity: en))
                case .rotateKeyTo(let k, _): keys.insert(k)
                case .grantTo(let k, _), .revokeFrom(let k, _):
                    for en in world.model.entities { grants.insert(Grant(key: k, entity: en.name)) }
                case .setThreshold(let r, _): thresholds.insert(r)
                case .assign, .assignAll: break
                }
            }
        }
    }
}
