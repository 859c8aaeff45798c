import CZ3

/// An incremental Z3 solver.
public final class Z3Solver {
    public let context: Z3Context
    let raw: Z3_solver
    /// Per-check time limit in milliseconds (0: none) and Z3 `rlimit` (0: none), as set at creation.
    public let timeoutMs: UInt32
    public let resourceLimit: UInt32

    /// A solver whose checks each stop after `timeoutMs` milliseconds (0: no limit), with a
    /// fixed random seed so that the same input gives the same models.
    /// `resourceLimit` (Z3's `rlimit`, 0: none) bounds each check by a deterministic count of
    /// solver steps rather than by time, so a capped search gives the same answer on every run.
    public init(_ context: Z3Context, timeoutMs: UInt32 = 0, resourceLimit: UInt32 = 0) {
        self.context = context
        self.timeoutMs = timeoutMs
        self.resourceLimit = resourceLimit
        raw = Z3_mk_solver(context.raw)
        Z3_solver_inc_ref(context.raw, raw)
        let p = Z3_mk_params(context.raw)!
        Z3_params_inc_ref(context.raw, p)
        if timeoutMs > 0 { Z3_params_set_uint(context.raw, p, Z3_mk_string_symbol(context.raw, "timeout"), timeoutMs) }
        Z3_params_set_uint(context.raw, p, Z3_mk_string_symbol(context.raw, "random_seed"), 0)
        if resourceLimit > 0 {
            Z3_params_set_uint(context.raw, p, Z3_mk_string_symbol(context.raw, "rlimit"), resourceLimit)
        }
        Z3_solver_set_params(context.raw, raw, p)
        Z3_params_dec_ref(context.raw, p)
    }

    deinit { Z3_solver_dec_ref(context.raw, raw) }

    public func assert(_ e: Z3Expr) { Z3_solver_assert(context.raw, raw, e.ast) }
    public func push() { Z3_solver_push(context.raw, raw) }
    public func pop() { Z3_solver_pop(context.raw, raw, 1) }

    /// Checks the assertions together with `assumptions`. Throws any Z3 error met since the last check.
    public func check(assuming assumptions: [Z3Expr] = []) throws(Z3Error) -> SatResult {
        try context.throwIfError()
        // Interrupted before this check began: Z3 may have cleared the flag, so do not start solving.
        if context.interruption?.isInterrupted == true { return .unknown("canceled") }
        let asts: [Z3_ast?] = assumptions.map(\.ast)
        let r = asts.withUnsafeBufferPointer { buf -> Z3_lbool in
            SolverClock.solving {
                buf.isEmpty
                    ? Z3_solver_check(context.raw, raw)
                    : Z3_solver_check_assumptions(context.raw, raw, UInt32(buf.count), buf.baseAddress)
            }
        }
        try context.throwIfError()
        let result: SatResult
        switch r {
        case Z3_L_TRUE: result = .sat
        case Z3_L_FALSE: result = .unsat
        default: result = .unknown(String(cString: Z3_solver_get_reason_unknown(context.raw, raw)))
        }
        if let dump = SMTQueryDump.current {
            SolverClock.dumping { dump.record(self, assumptions: assumptions, result: result) }
        }
        return result
    }

    /// The model of the last satisfiable check.
    public func model() throws(Z3Error) -> Z3Model {
        guard let m = Z3_solver_get_model(context.raw, raw) else {
            try context.throwIfError()
            throw Z3Error(code: -1, message: "no model available")
        }
        return Z3Model(context, m)
    }

    /// The assertions so far, in order (as a Horn clause's body, `Z3Fixedpoint`).
    public var assertions: [Z3Expr] {
        let c = context.raw
        let v = Z3_solver_get_assertions(c, raw)!
        Z3_ast_vector_inc_ref(c, v)
        defer { Z3_ast_vector_dec_ref(c, v) }
        return (0..<Z3_ast_vector_size(c, v)).map { context.wrap(Z3_ast_vector_get(c, v, $0)) }
    }

    /// SMT-LIB text of the assertions, for debugging and `--dump-smt`.
    public var smtText: String { String(cString: Z3_solver_to_string(context.raw, raw)) }
}
