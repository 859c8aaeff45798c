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
        case .user(let a), .permissionless(let a), .attack(let a), .privileged(let a, _), .coalition(let a, _),
            .insider(let a, _, _):
            return a
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

extension Alternative {
    /// Every alternative of `world`'s unrolling, in the order the unrolling offers them.
    /// `escalation`: a `no-unilateral-control` check (the coalition under test's moves, no insiders).
    static func all(in world: World, escalation: Bool) -> [Alternative] {
        var alts: [Alternative] = [.tick]
        alts += world.procedure.steps.indices.map { .step($0) }
        alts += world.userActions.map { .user($0) }
        alts += world.permissionlessActions.map { .permissionless($0) }
        alts += world.attacks.map { .attack($0) }
        // The attacker may use every role it can satisfy (keys, borrowed power, or a role open to
        // anyone such as a timelock over `anyone`); moves it can never make are left out.
        let rules = AuthorityRules(world: world)
        for a in world.privilegedActions {
            for r in world.privilegedRoles(of: a) where rules.attackerMayEverSatisfy(r) {
                alts.append(.privileged(a, role: r))
            }
        }
        // An insider uses, alone, every role of a privileged action its own authority may satisfy.
        // Not in `no-unilateral-control` checks (`escalation`): that rule's verdict is the same with
        // or without `Insider` (docs/semantics.md).
        if !escalation {
            for e in world.insiders {
                for a in world.privilegedActions {
                    for r in world.privilegedRoles(of: a) where rules.insiderMayEverSatisfy(r, e) {
                        alts.append(.insider(a, role: r, entity: e))
                    }
                }
            }
        }
        alts += world.incident.oracles.map { .oracle($0) }
        if escalation && world.authorityIsDynamic {
            // The coalition under test may use every role it is allowed to hold at its size: those
            // accepted as unilateral, and those whose own minimum is below the largest one checked.
            let m = world.model
            let largest =
                world.privilegedRoles.filter { $0.allowUnilateral == nil }.map { m.minCoalition(of: $0) }.max()
                ?? m.minCoalition
            for a in world.privilegedActions {
                for r in world.privilegedRoles(of: a) {
                    guard let role = m.role(r), m.minCoalition(of: role) < largest else { continue }
                    alts.append(.coalition(a, role: r))
                }
            }
        }
        return alts
    }
}
