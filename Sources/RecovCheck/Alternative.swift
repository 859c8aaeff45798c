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
    /// Insider `entity` uses, alone, a role of a privileged action (`Insider`); not in `no-unilateral-control` checks.
    case insider(Action, role: String, entity: String)

    var action: Action? {
        switch self {
        case .user(let a), .permissionless(let a), .attack(let a), .privileged(let a, _), .coalition(let a, _), .insider(let a, _, _): return a
        default: return nil
        }
    }

    /// Whether the attacker (or an insider acting outside the procedure) takes this transition:
    /// the moves the shrinker keeps few.
    var byAttacker: Bool {
        switch self {
        case .attack, .privileged, .oracle, .coalition, .insider: return true
        default: return false
        }
    }
}
