import RecovIR
import RecovSMT

/// Sanity's answer to a step that runs in no trace: if the procedure reaches that step and sits
/// at its deadline unable to run it (the honest entities cannot satisfy its role, its guard is
/// false, or its queued operation expired), the step is *blocked*. That is a finding — a
/// violation of `bounded-intervention` (and of `containment-time` before containment) with a
/// replayed trace — not a vacuous check.
extension BoundedModelChecker {
    /// Whether some trace of the unrolling `u` (already extended to its full depth) ends blocked at step `j`.
    static func blockedAt(_ j: Int, _ u: Unrolling, _ ctx: Z3Context, _ solver: Z3Solver) throws -> Bool {
        for d in 0...u.depth {
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
