import RecovIR

/// Who made a move of a counterexample trace. Derived from the move; written to JSON as its text.
public enum TraceActor: Hashable, Sendable, CustomStringConvertible {
    /// The trace's first entry: no move yet.
    case initialState
    /// Time passing.
    case time
    /// The procedure's honest signers, running a step.
    case procedure
    /// A user account, calling a user action.
    case user(Int)
    /// Anyone, calling a permissionless action.
    case anyone
    /// The attacker (an attack, or a privileged action with the compromised keys).
    case attacker
    /// An oracle moving a variable.
    case oracle
    /// The coalition under test, using a role it may hold alone.
    case coalition
    /// An insider (`Insider(entity)`), acting alone outside the procedure.
    case insider(String)

    /// The actor of `transition` (`initialState` for none).
    public init(_ transition: Transition?) {
        switch transition {
        case nil: self = .initialState
        case .tick?: self = .time
        case .step?: self = .procedure
        case .action(_, let caller, _)?: self = caller.map { .user($0) } ?? .anyone
        case .attack?, .privileged?: self = .attacker
        case .oracle?: self = .oracle
        case .coalition?: self = .coalition
        case .insider(_, _, let e, _)?: self = .insider(e)
        }
    }

    /// "procedure", "attacker", "user #3", "anyone", "oracle", "time", "coalition", "insider Gamma Labs",
    /// "initial state".
    public var description: String {
        switch self {
        case .initialState: return "initial state"
        case .time: return "time"
        case .procedure: return "procedure"
        case .user(let c): return "user #\(c)"
        case .anyone: return "anyone"
        case .attacker: return "attacker"
        case .oracle: return "oracle"
        case .coalition: return "coalition"
        case .insider(let e): return "insider \(e)"
        }
    }
}
