import RecovIR

/// Why a replay failed: the module's one error type for replaying traces and counterexample files.
public enum ReplayError: Error, Sendable, CustomStringConvertible {
    /// The counterexample file cannot be replayed (not JSON, another format or version, malformed,
    /// or a world the current specs do not declare); the message says why.
    case unreplayableFile(String)
    /// Transition `transition` of a replayed trace (0 is the first after the initial state) is not
    /// allowed by the evaluator in the state before it, for `reason`.
    case transitionNotAllowed(transition: Int, reason: EvaluationError)

    public var description: String {
        switch self {
        case .unreplayableFile(let message): return message
        case .transitionNotAllowed(let transition, let reason): return "transition \(transition + 1): \(reason.message)"
        }
    }
}
