import RecovIR
import RecovSMT

/// The variables of the transition from depth `i` to `i + 1`.
final class SymbolicTransition {
    let selector: Z3Expr
    let duration: Z3Expr
    let caller: Z3Expr
    /// Parameter bindings per alternative.
    var envs: [SymbolicEnv] = []
    /// Free parameters per alternative (for extraction).
    var params: [[(Param, Z3Expr)]] = []
    var oracleValues: [Int: Z3Expr] = [:]

    init(selector: Z3Expr, duration: Z3Expr, caller: Z3Expr) {
        self.selector = selector
        self.duration = duration
        self.caller = caller
    }
}
