import RecovIR
import RecovSMT

/// The symbolic protocol state at one depth of the unrolling.
final class SymbolicState {
    var ints: [String: Z3Expr] = [:]
    var bools: [String: Z3Expr] = [:]
    var maps: [String: Z3Expr] = [:]
    var now: Z3Expr
    var pc: Z3Expr
    var last: Z3Expr
    var stepTimes: [Z3Expr]
    var contained: Z3Expr
    /// Holder of each key, as an entity index.
    var holders: [String: Z3Expr] = [:]
    /// Allowlist entries that exist or that some action can create.
    var grants: [Grant: Z3Expr] = [:]
    var thresholds: [String: Z3Expr] = [:]

    init(now: Z3Expr, pc: Z3Expr, last: Z3Expr, stepTimes: [Z3Expr], contained: Z3Expr) {
        self.now = now
        self.pc = pc
        self.last = last
        self.stepTimes = stepTimes
        self.contained = contained
    }
}
