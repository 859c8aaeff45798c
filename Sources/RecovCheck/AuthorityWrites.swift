import RecovIR

/// The key holders, allowlist entries and thresholds some action or attack writes.
struct AuthorityWrites {
    var keys: Set<String> = []
    var grants: Set<Grant> = []
    var thresholds: Set<String> = []

    init(_ world: World) {
        for a in world.model.actions + world.attacks {
            for e in a.effects {
                switch e.change {
                case .rotateKey(let k, _): keys.insert(k)
                case .grant(let k, let en), .revoke(let k, let en): grants.insert(Grant(key: k, entity: en))
                case .rotateKeyTo(let k, _): keys.insert(k)
                case .grantTo(let k, _), .revokeFrom(let k, _):
                    for en in world.model.entities { grants.insert(Grant(key: k, entity: en.name)) }
                case .setThreshold(let r, _): thresholds.insert(r)
                case .assign, .assignAll: break
                }
            }
        }
    }
}
