/// Solver faults a test can inject into `BoundedModelChecker`, to check that a give-up never
/// becomes a wrong verdict or an internal error.
struct SolverFaults: Sendable, Hashable {
    /// Every solver call after the one that found the violation answers unknown, so the
    /// counterexample cannot be shrunk.
    var shrinkGivesUp = false
}
