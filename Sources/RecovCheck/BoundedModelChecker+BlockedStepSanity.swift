import RecovIR
import RecovSMT

/// Sanity's answer to a step that runs in no trace: if the procedure reaches that step and sits
/// at its deadline unable to run it (the honest entities cannot satisfy its role, its guard is
/// false, or its queued operation expired), the step is *blocked*. That is a finding — a
/// violation of `bounded-intervention` (and of `containment-time` before containment) with a
/// replayed trace — not a vacuous check.
extension BoundedModelChecker {
    /// Whether some trace of at most `options.depth` transitions ends blocked at step `j`. Searched
    /// depth by depth on a fresh unrolling: a deeper unrolling may have no trace at all once the
    /// procedure is stuck (no transition is enabled at a blocked deadline).
    func blockedAt(_ j: Int) throws -> Bool {
        let ctx = Z3Context()
        let solver = Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds)
        // The first blocked state is all it looks for: time need not pass a blocked deadline.
        let u = Unrolling(world: world, ctx: ctx, solver: solver, timeAfterBlock: false)
        for d in 0...options.depth {
            if d > 0 { u.extend() }
            let lit = ctx.boolConst(ctx.fresh("blocked"))
            solver.assert(ctx.implies(lit, ctx.and([ctx.eq(u.states[d].pc, ctx.int(j)), u.blocked(d)])))
            if case .sat = try solver.check(assuming: [lit]) { return true }
        }
        return false
    }

    /// The sanity message for a step blocked in every trace that reaches it.
    static func blockedMessage(_ st: Step) -> String {
        "step '\(st.name)' never runs: the procedure is blocked there (its guard, the honest holders of '\(st.role)' or its timing cannot be met at its deadline) — reported as a violation of bounded-intervention and containment-time, not as a vacuous check"
    }
}
