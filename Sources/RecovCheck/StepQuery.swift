import RecovIR
import RecovSMT

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
