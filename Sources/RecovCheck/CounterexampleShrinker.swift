import RecovIR
import RecovSMT

/// Shrinks a counterexample the solver found: first the fewest attacker moves, then the smallest
/// values (parameters, time steps, accounts, initial state), each by binary search on the solver
/// that found it, within a budget of solver checks.
struct CounterexampleShrinker {
    let world: World
    /// How many solver checks the binary searches may make together.
    var budget: Int
    /// Simulated solver faults, for tests.
    let faults: SolverFaults

    /// The model of the smallest counterexample at depth `d` under `literal` (the violation's
    /// assumption); the unshrunk model the solver has now if shrinking gives up.
    mutating func smallest(_ u: Unrolling, depth d: Int, literal: Z3Expr) throws -> Z3Model {
        let ctx = u.ctx
        let solver = u.solver
        // The model that found the violation: reported (once replay-confirmed) if shrinking gives up.
        let unshrunk = try solver.model()
        var assumptions = [literal]
        if d > 0 {
            let attackerMoves = ctx.add(
                u.transitions.map { t in
                    ctx.or(u.alternatives.enumerated().filter { $0.element.byAttacker }.map { u.isAlt(t, $0.offset) })
                }.map { ctx.count($0) })
            try shrink(attackerMoves, solver, &assumptions)
        }
        try shrink(magnitude(u, depth: d), solver, &assumptions)
        return try shrunkModel(solver, assumptions) ?? unshrunk
    }

    /// The size of a trace's values: chosen parameters, time steps, accounts and the initial state.
    private func magnitude(_ u: Unrolling, depth d: Int) -> Z3Expr {
        let ctx = u.ctx
        func abs(_ x: Z3Expr) -> Z3Expr { ctx.ite(ctx.ge(x, ctx.int(0)), x, ctx.neg(x)) }
        var terms: [Z3Expr] = [u.states[0].now, u.account]
        let s0 = u.states[0]
        for v in world.model.state {
            switch v.type {
            case .int: terms.append(abs(s0.ints[v.name]!))
            case .map: terms.append(abs(ctx.select(s0.maps[v.name]!, u.account)))
            case .bool: break
            }
        }
        for t in u.transitions.prefix(d) {
            terms.append(ctx.ite(u.isAlt(t, 0), t.duration, ctx.int(0)))
            for (k, alt) in u.alternatives.enumerated() {
                var xs = t.params[k].filter { $0.0.type != .bool }.map { abs($0.1) }
                if case .user = alt { xs.append(t.caller) }
                if let o = t.oracleValues[k] { xs.append(abs(o)) }
                if !xs.isEmpty { terms.append(ctx.ite(u.isAlt(t, k), ctx.add(xs), ctx.int(0))) }
            }
        }
        return ctx.add(terms)
    }

    /// The model of the shrunk counterexample, or nil when the solver gives up on it (the caller
    /// then reports the unshrunk one, which is replayed and re-checked all the same).
    private func shrunkModel(_ solver: Z3Solver, _ assumptions: [Z3Expr]) throws -> Z3Model? {
        if faults.shrinkGivesUp { return nil }
        guard try solver.check(assuming: assumptions) == .sat else { return nil }
        return try solver.model()
    }

    /// Binary search for the least value of `objective` (non-negative) that still satisfies the
    /// assumptions; pins it by adding `objective <= best` to `assumptions`.
    private mutating func shrink(_ objective: Z3Expr, _ solver: Z3Solver, _ assumptions: inout [Z3Expr]) throws {
        let ctx = solver.context
        if faults.shrinkGivesUp { return }
        guard try solver.check(assuming: assumptions) == .sat else { return }
        // A first model may hold values beyond 64 bits: then search down from the largest Int.
        var best = (try? solver.model().int(objective)) ?? Int.max
        var lo = 0
        while lo < best && budget > 0 {
            budget -= 1
            let mid = lo + (best - lo) / 2
            let bound = ctx.boolConst(ctx.fresh("shrink"))
            solver.assert(ctx.implies(bound, ctx.le(objective, ctx.int(mid))))
            switch try solver.check(assuming: assumptions + [bound]) {
            case .sat: best = (try? solver.model().int(objective)) ?? mid
            case .unsat: lo = mid + 1
            case .unknown: lo = best
            }
        }
        let pin = ctx.boolConst(ctx.fresh("pin"))
        solver.assert(ctx.implies(pin, ctx.le(objective, ctx.int(best))))
        assumptions.append(pin)
    }
}
