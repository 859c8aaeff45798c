import CZ3

/// A reference-counted Z3 context with Z3's default error handler disabled.
///
/// Expression builders never throw: the first Z3 error is remembered and thrown by the next
/// `Z3Solver.check`, so every Z3 error reaches the caller as a Swift error. A context is used by
/// one thread; `interrupt()` may be called from any thread. A context made while a `Z3Interrupt`
/// is current registers with it, so cancelling the check that made it interrupts it.
public final class Z3Context: @unchecked Sendable {
    public let raw: Z3_context
    private(set) public var pendingError: Z3Error?
    public let intSort: Z3_sort
    public let boolSort: Z3_sort
    public let intArraySort: Z3_sort
    private var freshCounter = 0
    /// The interrupt handle this context registered with, if any.
    public let interruption: Z3Interrupt?

    public init() {
        let cfg = Z3_mk_config()!
        Z3_set_param_value(cfg, "model", "true")
        raw = Z3_mk_context_rc(cfg)
        Z3_del_config(cfg)
        Z3_set_error_handler(raw, nil)
        intSort = Z3_mk_int_sort(raw)
        boolSort = Z3_mk_bool_sort(raw)
        intArraySort = Z3_mk_array_sort(raw, intSort, intSort)
        // In a reference-counted context sorts are collected like any AST unless held.
        for s in [intSort, boolSort, intArraySort] { Z3_inc_ref(raw, Z3_sort_to_ast(raw, s)) }
        interruption = Z3Interrupt.current
        interruption?.register(raw)
    }

    deinit {
        interruption?.unregister(raw)
        for s in [intSort, boolSort, intArraySort] { Z3_dec_ref(raw, Z3_sort_to_ast(raw, s)) }
        Z3_del_context(raw)
    }

    /// Asks a running check to stop; it then answers `unknown`.
    public func interrupt() { Z3_interrupt(raw) }

    /// Throws the first error Z3 reported since the last call.
    public func throwIfError() throws(Z3Error) {
        if let e = pendingError {
            pendingError = nil
            throw e
        }
        let code = Z3_get_error_code(raw)
        if code != Z3_OK {
            let msg = String(cString: Z3_get_error_msg(raw, code))
            Z3_set_error(raw, Z3_OK)
            throw Z3Error(code: Int(code.rawValue), message: msg)
        }
    }

    /// Wraps a freshly made AST, recording an error when Z3 returned none.
    func wrap(_ a: Z3_ast?) -> Z3Expr {
        if let a, Z3_get_error_code(raw) == Z3_OK { return Z3Expr(self, a) }
        let code = Z3_get_error_code(raw)
        if pendingError == nil {
            let msg = code == Z3_OK ? "Z3 returned no expression" : String(cString: Z3_get_error_msg(raw, code))
            pendingError = Z3Error(code: Int(code.rawValue), message: msg)
        }
        Z3_set_error(raw, Z3_OK)
        return Z3Expr(self, Z3_mk_false(raw))
    }

    // MARK: Constants

    public func int(_ v: Int) -> Z3Expr { wrap(Z3_mk_int64(raw, Int64(v), intSort)) }
    public func bool(_ v: Bool) -> Z3Expr { wrap(v ? Z3_mk_true(raw) : Z3_mk_false(raw)) }
    /// The value of `e` when it is the literal `true` or `false`, else nil.
    public func literalBool(_ e: Z3Expr) -> Bool? {
        switch Z3_get_bool_value(raw, e.ast) {
        case Z3_L_TRUE: return true
        case Z3_L_FALSE: return false
        default: return nil
        }
    }
    public var trueExpr: Z3Expr { bool(true) }
    public var falseExpr: Z3Expr { bool(false) }

    private func constant(_ name: String, _ sort: Z3_sort) -> Z3Expr {
        wrap(Z3_mk_const(raw, Z3_mk_string_symbol(raw, name), sort))
    }

    /// A named integer constant. Names should be unique per meaning; `fresh` makes them so.
    public func intConst(_ name: String) -> Z3Expr { constant(name, intSort) }
    public func boolConst(_ name: String) -> Z3Expr { constant(name, boolSort) }
    /// An array from integers (accounts) to integers.
    public func arrayConst(_ name: String) -> Z3Expr { constant(name, intArraySort) }

    /// A name not used before in this context.
    public func fresh(_ base: String) -> String {
        freshCounter += 1
        return "\(base)!\(freshCounter)"
    }

    // MARK: Arithmetic and logic

    public func add(_ xs: [Z3Expr]) -> Z3Expr {
        if xs.isEmpty { return int(0) }
        if xs.count == 1 { return xs[0] }
        return wrap(xs.map(\.ast).withUnsafeBufferPointer { Z3_mk_add(raw, UInt32($0.count), $0.baseAddress) })
    }
    public func sub(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr {
        wrap([a.ast, b.ast].withUnsafeBufferPointer { Z3_mk_sub(raw, 2, $0.baseAddress) })
    }
    public func mul(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr {
        wrap([a.ast, b.ast].withUnsafeBufferPointer { Z3_mk_mul(raw, 2, $0.baseAddress) })
    }
    public func neg(_ a: Z3Expr) -> Z3Expr { wrap(Z3_mk_unary_minus(raw, a.ast)) }
    /// Euclidean division with `x / 0 == 0`, matching the concrete evaluator.
    public func div(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr {
        ite(eq(b, int(0)), int(0), wrap(Z3_mk_div(raw, a.ast, b.ast)))
    }
    /// Euclidean remainder with `x % 0 == x`, matching the concrete evaluator.
    public func mod(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { ite(eq(b, int(0)), a, wrap(Z3_mk_mod(raw, a.ast, b.ast))) }
    public func eq(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_eq(raw, a.ast, b.ast)) }
    public func lt(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_lt(raw, a.ast, b.ast)) }
    public func le(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_le(raw, a.ast, b.ast)) }
    public func gt(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_gt(raw, a.ast, b.ast)) }
    public func ge(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_ge(raw, a.ast, b.ast)) }
    public func not(_ a: Z3Expr) -> Z3Expr { wrap(Z3_mk_not(raw, a.ast)) }
    public func implies(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_implies(raw, a.ast, b.ast)) }
    public func ite(_ c: Z3Expr, _ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { wrap(Z3_mk_ite(raw, c.ast, a.ast, b.ast)) }
    public func and(_ xs: [Z3Expr]) -> Z3Expr {
        if xs.isEmpty { return trueExpr }
        if xs.count == 1 { return xs[0] }
        return wrap(xs.map(\.ast).withUnsafeBufferPointer { Z3_mk_and(raw, UInt32($0.count), $0.baseAddress) })
    }
    public func or(_ xs: [Z3Expr]) -> Z3Expr {
        if xs.isEmpty { return falseExpr }
        if xs.count == 1 { return xs[0] }
        return wrap(xs.map(\.ast).withUnsafeBufferPointer { Z3_mk_or(raw, UInt32($0.count), $0.baseAddress) })
    }
    public func min(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { ite(le(a, b), a, b) }
    public func max(_ a: Z3Expr, _ b: Z3Expr) -> Z3Expr { ite(ge(a, b), a, b) }
    /// 1 when `c` holds, else 0.
    public func count(_ c: Z3Expr) -> Z3Expr { ite(c, int(1), int(0)) }

    // MARK: Arrays and binders

    public func select(_ array: Z3Expr, _ index: Z3Expr) -> Z3Expr { wrap(Z3_mk_select(raw, array.ast, index.ast)) }
    public func store(_ array: Z3Expr, _ index: Z3Expr, _ value: Z3Expr) -> Z3Expr {
        wrap(Z3_mk_store(raw, array.ast, index.ast, value.ast))
    }

    /// `lambda x. body`, for a bound integer constant `x`.
    public func lambda(_ bound: Z3Expr, _ body: Z3Expr) -> Z3Expr {
        var app: Z3_app? = Z3_to_app(raw, bound.ast)
        return wrap(Z3_mk_lambda_const(raw, 1, &app, body.ast))
    }

    /// `forall xs. body`, for bound constants `xs`.
    public func forall(_ bound: [Z3Expr], _ body: Z3Expr) -> Z3Expr {
        if bound.isEmpty { return body }
        let apps: [Z3_app?] = bound.map { Z3_to_app(raw, $0.ast) }
        return wrap(
            apps.withUnsafeBufferPointer {
                Z3_mk_forall_const(raw, 0, UInt32($0.count), $0.baseAddress, 0, nil, body.ast)
            })
    }
}

/// A Z3 expression, kept alive by Z3's reference count.
public final class Z3Expr: CustomStringConvertible {
    public let context: Z3Context
    public let ast: Z3_ast

    init(_ context: Z3Context, _ ast: Z3_ast) {
        self.context = context
        self.ast = ast
        Z3_inc_ref(context.raw, ast)
    }

    deinit { Z3_dec_ref(context.raw, ast) }

    /// SMT-LIB text of the expression.
    public var description: String { String(cString: Z3_ast_to_string(context.raw, ast)) }
}
