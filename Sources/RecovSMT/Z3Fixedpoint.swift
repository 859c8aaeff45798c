import CZ3

/// Z3's fixedpoint (constrained Horn clause) solver with the Spacer engine.
///
/// Rules are universally closed Horn clauses over registered relations; `query` asks whether a
/// relation is derivable. `unsat` means it is not, and `interpretation` then gives the inductive
/// invariant Spacer found for each relation. Bounded like `Z3Solver`: a timeout and a deterministic
/// resource limit per query (set on the context: use a context of its own); `Z3Interrupt` reaches
/// it through its context.
public final class Z3Fixedpoint {
    public let context: Z3Context
    let raw: Z3_fixedpoint

    /// A fixedpoint whose query stops after `timeoutMs` milliseconds or `resourceLimit` of Z3's
    /// deterministic resource units (0: no limit).
    public init(_ context: Z3Context, timeoutMs: UInt32 = 0, resourceLimit: UInt32 = 0) {
        self.context = context
        let c = context.raw
        raw = Z3_mk_fixedpoint(c)
        Z3_fixedpoint_inc_ref(c, raw)
        let p = Z3_mk_params(c)!
        Z3_params_inc_ref(c, p)
        Z3_params_set_symbol(c, p, Z3_mk_string_symbol(c, "engine"), Z3_mk_string_symbol(c, "spacer"))
        // Spacer's own preprocessing may inline the one relation away (then it has no
        // interpretation to return): keep the clauses as given.
        Z3_params_set_bool(c, p, Z3_mk_string_symbol(c, "xform.slice"), false)
        Z3_params_set_bool(c, p, Z3_mk_string_symbol(c, "xform.inline_linear"), false)
        Z3_params_set_bool(c, p, Z3_mk_string_symbol(c, "xform.inline_eager"), false)
        Z3_params_set_uint(c, p, Z3_mk_string_symbol(c, "spacer.random_seed"), 0)
        if timeoutMs > 0 { Z3_params_set_uint(c, p, Z3_mk_string_symbol(c, "timeout"), timeoutMs) }
        // Else the query installs a SIGINT handler of its own for its duration (a Ctrl-C would then
        // cancel one query instead of stopping recovcheck, and threads would race to restore it).
        Z3_params_set_bool(c, p, Z3_mk_string_symbol(c, "ctrl_c"), false)
        Z3_fixedpoint_set_params(c, raw, p)
        // A parameter Z3 does not know is an error: surface it at the first query (read before
        // the next call, which resets the code).
        if Z3_get_error_code(c) != Z3_OK { _ = context.wrap(nil) }
        Z3_params_dec_ref(c, p)
        // The fixedpoint takes its resource limit from the context (its own parameters have none).
        if resourceLimit > 0 { Z3_update_param_value(c, "rlimit", "\(resourceLimit)") }
    }

    deinit { Z3_fixedpoint_dec_ref(context.raw, raw) }

    private var relations: [Z3Relation] = []

    public func register(_ r: Z3Relation) {
        relations.append(r)
        Z3_fixedpoint_register_relation(context.raw, raw, r.raw)
    }

    /// Adds `body ⇒ head`, universally closed over every constant in it.
    public func addRule(_ body: [Z3Expr], _ head: Z3Expr, name: String) {
        let clause = context.implies(context.and(body), head)
        let closed = context.forall(context.constants(in: [clause], excluding: relations), clause)
        Z3_fixedpoint_add_rule(context.raw, raw, closed.ast, Z3_mk_string_symbol(context.raw, name))
        _ = context.wrap(Z3_get_error_code(context.raw) == Z3_OK ? closed.ast : nil)
    }

    /// Whether `relation` (a relation of no arguments) is derivable: `sat` it is (a derivation, a
    /// counterexample), `unsat` it is not, `unknown` Spacer gave up (a limit, an interrupt).
    public func query(_ relation: Z3Relation) throws(Z3Error) -> SatResult {
        try context.throwIfError()
        if context.interruption?.isInterrupted == true { return .unknown("canceled") }
        // `Z3_fixedpoint_query` (not `_query_relations`) is the one that applies the resource limit.
        let query = relation([]).ast
        let answer = SolverClock.solving { Z3_fixedpoint_query(context.raw, raw, query) }
        // A limit or an interrupt reaches Spacer as an exception, reported as an error: it is
        // Spacer giving up, like a solver's `unknown`.
        let code = Z3_get_error_code(context.raw)
        if answer == Z3_L_UNDEF && code != Z3_OK {
            let message = String(cString: Z3_get_error_msg(context.raw, code))
            if Self.givingUp.contains(where: message.contains) {
                Z3_set_error(context.raw, Z3_OK)
                return .unknown(message)
            }
        }
        try context.throwIfError()
        switch answer {
        case Z3_L_TRUE: return .sat
        case Z3_L_FALSE: return .unsat
        default: return .unknown(String(cString: Z3_fixedpoint_get_reason_unknown(context.raw, raw)))
        }
    }

    /// Z3's messages for a query stopped by a limit or an interrupt.
    static let givingUp = ["resource limit", "canceled", "timeout", "interrupted"]

    /// After an `unsat` query: the interpretation Spacer found for `relation`, as a formula over
    /// `arguments` (its i-th argument is `arguments[i]`); nil when it has none.
    public func interpretation(of relation: Z3Relation, arguments: [Z3Expr]) throws(Z3Error) -> Z3Expr? {
        guard let cover = Z3_fixedpoint_get_cover_delta(context.raw, raw, -1, relation.raw) else {
            try context.throwIfError()
            return nil
        }
        let e = context.wrap(cover)
        try context.throwIfError()
        // The cover is stated over bound variables: variable i is argument i.
        let to = arguments.map { Optional($0.ast) }
        let out = context.wrap(Z3_substitute_vars(context.raw, e.ast, UInt32(to.count), to))
        try context.throwIfError()
        return out
    }

    /// After a `sat` query: the names of the rules Spacer's derivation of the query used
    /// (`addRule`'s names, in Spacer's order; a rule used n times appears n times).
    public func ruleNamesAlongTrace() throws(Z3Error) -> [String] {
        let symbol = Z3_fixedpoint_get_rule_names_along_trace(context.raw, raw)
        try context.throwIfError()
        guard let symbol, let text = Z3_get_symbol_string(context.raw, symbol) else { return [] }
        return String(cString: text).split(separator: ";").map { String($0) }
    }

    /// The rules in SMT-LIB's fixedpoint syntax, for debugging.
    public var text: String { String(cString: Z3_fixedpoint_to_string(context.raw, raw, 0, nil)) }
}
