import RecovIR
import RecovSMT

/// The worst case of `containment-time` or `blast-radius` over every trace up to the depth (the
/// longest time uncontained after the trigger, or the largest loss), and the sentence that reports it.
struct WorstCaseSearch {
    let world: World
    let options: CheckOptions

    /// The largest value reached, and how sure the search is of it.
    struct WorstCase {
        var value: Int
        /// It grows past the largest literal of the program: unbounded within the depth.
        var unbounded: Bool
        /// The search stopped early (precision or a solver give-up): `value` is reached, more may be.
        var lowerBound: Bool
        /// First reached at the last depth: it may grow with the depth.
        var growing: Bool
    }

    private var procedure: Procedure { world.procedure }

    /// The worst case over every trace up to the depth: the longest time uncontained after the
    /// trigger, or the largest loss. Found by exponential then binary search on one solver, from
    /// `reached` when a replayed counterexample already reaches that value (the search never reports
    /// less than a trace it was shown).
    func find(_ rule: Rule, reached: Int? = nil) throws -> WorstCase? {
        guard rule == .containmentTime || rule == .blastRadius else { return nil }
        if rule == .containmentTime && (procedure.containment == nil || procedure.containmentBudget == nil) {
            return nil
        }
        if rule == .blastRadius && procedure.blastRadius == nil { return nil }
        let ctx = Z3Context()
        // Each probe is capped by a deterministic resource limit; a probe that hits it ends the
        // search with the largest value proved reachable so far.
        let solver = Z3Solver(
            ctx, timeoutMs: options.timeoutMilliseconds,
            resourceLimit: options.worstCaseResourceLimit)
        let u = Unrolling(world: world, ctx: ctx, solver: solver)
        for _ in 0..<options.depth { u.extend() }
        let t0 = u.states[0].now
        let windows = rule == .blastRadius ? procedure.blastRadius.flatMap(BudgetWindows.init) : nil
        func atLeast(_ x: Int, upTo last: Int? = nil) -> Z3Expr {
            ctx.or(
                u.states.prefix((last ?? options.depth) + 1).enumerated().map { j, s -> Z3Expr in
                    if rule == .containmentTime {
                        return ctx.and([ctx.not(s.contained), ctx.ge(ctx.sub(s.now, t0), ctx.int(x))])
                    }
                    let loss = procedure.blastRadius!.loss
                    if let w = windows {
                        // The largest gain within one window, over every pair of states.
                        return ctx.or(
                            (0...j).map { i in
                                ctx.and([
                                    PropertyEncoding.inOneWindow(ctx, w, trigger: t0, u.states[i].now, s.now),
                                    ctx.ge(
                                        ctx.sub(u.lowering.lower(loss, s), u.lowering.lower(loss, u.states[i])),
                                        ctx.int(x)),
                                ])
                            })
                    }
                    return ctx.ge(ctx.sub(u.lowering.lower(loss, s), u.lowering.lower(loss, u.states[0])), ctx.int(x))
                })
        }
        func reachable(_ x: Int, upTo last: Int? = nil) throws -> Bool? {
            let lit = ctx.boolConst(ctx.fresh("worst"))
            solver.assert(ctx.implies(lit, atLeast(x, upTo: last)))
            switch try solver.check(assuming: [lit]) {
            case .sat: return true
            case .unsat: return false
            case .unknown: return nil
            }
        }
        guard let any = try reachable(0), any else { return nil }
        var lo = max(0, reached ?? 0)
        var hi = max(
            1, rule == .containmentTime ? (procedure.containmentBudget ?? 1) : (procedure.blastRadius?.max ?? 1))
        if hi <= lo {
            let (next, overflow) = lo.addingReportingOverflow(1)
            hi = overflow ? lo : next
        }
        let ceiling = maxLiteralMagnitude
        while true {
            guard let r = try reachable(hi) else {
                return WorstCase(value: lo, unbounded: false, lowerBound: true, growing: false)
            }
            if !r { break }
            lo = hi
            if hi >= ceiling {
                // Reaching the ceiling is not growing past it: a loss that is exactly the largest
                // literal (a range's bound) is that value, not unbounded.
                let (beyond, overflow) = ceiling.addingReportingOverflow(1)
                guard !overflow, let past = try reachable(beyond) else {
                    return WorstCase(value: lo, unbounded: false, lowerBound: true, growing: false)
                }
                if past { return WorstCase(value: lo, unbounded: true, lowerBound: false, growing: false) }
                hi = beyond
                break
            }
            hi = min(ceiling, hi * 4)
        }
        // Invariant: lo is reachable, hi is not. Stop at 1% precision: the report then says "at least".
        var calls = 0
        while hi - lo > max(1, lo / 100) && calls < 24 {
            calls += 1
            let mid = lo + (hi - lo) / 2
            guard let r = try reachable(mid) else {
                return WorstCase(value: lo, unbounded: false, lowerBound: true, growing: false)
            }
            if r { lo = mid } else { hi = mid }
        }
        // A worst case first reached at the last depth may only be bounded by the depth.
        let growing = options.depth > 0 && lo > 0 ? (try reachable(lo, upTo: options.depth - 1)) == false : false
        return WorstCase(value: lo, unbounded: false, lowerBound: hi - lo > 1, growing: growing)
    }

    /// `provedAtMost`: a bound proved for every depth (the budget of a `proved` check). A worst case
    /// that reaches it is exact; below it, the note says both bounds.
    func note(_ rule: Rule, _ w: WorstCase, provedAtMost: Int? = nil) -> String {
        if w.unbounded {
            // A loss is not searched past the spec's largest constant; that is no proof it grows
            // without bound (a square of 10^15 stops at 10^30).
            if rule == .blastRadius {
                return
                    "; worst case found: at least \(w.value) lost (the search stops past the largest constant in the spec)"
            }
            return "; worst case found: unbounded within depth \(options.depth)"
        }
        if let bound = provedAtMost, !w.unbounded {
            let v = rule == .containmentTime ? HumanDuration.text(w.value) : "\(w.value)"
            let b = rule == .containmentTime ? HumanDuration.text(bound) : "\(bound)"
            let what = rule == .containmentTime ? "uncontained for " : ""
            let tail = rule == .containmentTime ? " after the trigger" : " lost"
            if w.value == bound {
                return "; worst case: exactly \(what)\(v)\(tail) (reached, and proved to be the most at every depth)"
            }
            if w.value < bound {
                return "; worst case: \(what)at least \(v)\(tail) (reached) and at most \(b) (proved for every depth)"
            }
        }
        let growing = w.growing ? " (first reached at the last depth, \(options.depth): it may grow with --depth)" : ""
        let atLeast = w.lowerBound ? "at least " : ""
        let text =
            rule == .containmentTime
            ? "uncontained for \(atLeast)\(HumanDuration.text(w.value)) after the trigger" : "\(atLeast)\(w.value) lost"
        return "; worst case found: \(text)\(growing)"
    }
}
