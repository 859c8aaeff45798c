/// The answer of a satisfiability check.
public enum SatResult: Equatable, Sendable {
    case sat
    case unsat
    /// Z3 gave up; the reason is Z3's own (timeout, canceled, incomplete quantifiers, nonlinear ...).
    case unknown(String)
}
