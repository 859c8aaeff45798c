import RecovIR

/// One kind of transition the unrolling offers at every depth.
enum Alternative {
    case tick
    case step(Int)
    case user(Action)
    case permissionless(Action)
    case attack(Action)
    case privileged(Action, role: String)
    case oracle(OracleMove)
    /// The coalition under test uses a role it may hold alone (escalation), in `no-unilateral-control` checks.
    case coalition(Action, role: String)

    var action: Action? {
        switch self {
        case .user(let a), .permissionless(let a), .attack(let a), .privileged(let a, _), .coalition(let a, _): return a
        default: return nil
        }
    }

    /// Whether the attacker takes this transition.
    var byAttacker: Bool {
        switch self {
        case .attack, .privileged, .oracle, .coalition: return true
        default: return false
        }
    }
}
