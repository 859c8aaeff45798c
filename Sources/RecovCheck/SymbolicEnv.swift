import RecovSMT

/// Parameter bindings for lowering an expression.
struct SymbolicEnv {
    var params: [String: Z3Expr] = [:]
    var account: Z3Expr?
}
