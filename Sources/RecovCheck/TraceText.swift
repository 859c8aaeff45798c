import RecovIR

/// Short domain-language descriptions of transitions, shared by summaries and renderers.
public enum TraceText {
    /// "procedure step 'pause' (guardian)", "user #3 calls withdraw(amount: 5)", "attack drain(amount: 9)".
    /// Entity parameters are shown by the entity's name ("newHolder: Mallory").
    public static func describe(_ t: Transition, world: World) -> String {
        guard let a = Evaluator(world: world).action(of: t) else { return describe(t) }
        var names: [String: String] = [:]
        for p in a.params where p.type == .entity {
            if case .int(let i)? = t.args[p.name], i >= 0, i < world.model.entities.count { names[p.name] = world.model.entities[i].name }
        }
        return describe(t, entityNames: names)
    }

    /// The same description from the transition alone (e.g. for results merged from shard files).
    public static func describe(_ t: Transition) -> String { describe(t, entityNames: [:]) }

    private static func describe(_ t: Transition, entityNames: [String: String]) -> String {
        let args = t.args.sorted { $0.key < $1.key }.filter { $0.key != "value" }
            .map { "\($0.key): \(entityNames[$0.key] ?? $0.value.description)" }.joined(separator: ", ")
        switch t.kind {
        case .tick: return "time passing \(HumanDuration.text(t.duration ?? 0))"
        case .step: return "procedure step '\(t.name)'\(t.role.map { " by \($0)" } ?? "")\(args.isEmpty ? "" : " (\(args))")"
        case .action:
            if let c = t.caller { return "user #\(c) calling \(t.name)(\(args))" }
            return "anyone calling \(t.name)(\(args))"
        case .attack: return "attack \(t.name)(\(args))"
        case .privileged: return "the attacker calling \(t.name)(\(args)) as \(t.role ?? "?")"
        case .oracle: return "oracle moving \(t.name) to \(t.args["value"].map(\.description) ?? "?")"
        case .coalition: return "the coalition calling \(t.name)(\(args)) as \(t.role ?? "?"), a role it may hold alone"
        }
    }

    /// Who acted, for trace tables.
    public static func actor(_ t: Transition) -> String {
        switch t.kind {
        case .tick: return "time"
        case .step: return "procedure"
        case .action: return t.caller.map { "user #\($0)" } ?? "anyone"
        case .attack, .privileged: return "attacker"
        case .oracle: return "oracle"
        case .coalition: return "coalition"
        }
    }

    /// The entities and keys that signed a transition, in state `s` before it.
    public static func signers(_ t: Transition, before s: State, world: World) -> [String] {
        guard let roleName = t.role, let role = world.model.role(roleName) else { return [] }
        let honest = t.kind == .step
        let members = Set(t.coalition ?? [])
        let member: (String) -> Bool = { e in
            if t.kind == .coalition { return world.compromised.contains(e) ? (t.attackerInCoalition ?? false) : members.contains(e) }
            return honest ? !world.compromised.contains(e) : world.compromised.contains(e)
        }
        var keysOf: [String: [String]] = [:]
        func collect(_ r: Role) {
            switch r.rule {
            case .key, .multisig:
                // The first `threshold` keys the signers control, in declaration order: one sufficient signing set.
                var needed = AuthorityRules(world: world).threshold(r, in: s)
                for k in r.rule.signingKeys where needed > 0 {
                    if let h = s.holders[k], member(h) {
                        keysOf[h, default: []].append(k); needed -= 1
                    } else if let g = s.grants.sorted().first(where: { $0.key == k && member($0.entity) }) {
                        keysOf[g.entity, default: []].append("\(k) via allowlist"); needed -= 1
                    }
                }
            case .timelock(let t):
                if let x = world.model.role(t.role) { collect(x) }
            case .allOf(let roles):
                for i in roles { if let x = world.model.role(i) { collect(x) } }
            case .governance(let g):
                for p in g.powers where member(p.entity) && p.power > 0 { keysOf[p.entity, default: []].append("\(p.power) votes") }
                let borrowed = AuthorityRules(world: world).borrowed(r, attacker: !honest, borrow: true)
                if borrowed > 0 { keysOf["attacker", default: []].append("\(borrowed) borrowed votes") }
            case .governor(let g):
                for h in g.votes where member(h.entity) && h.value(in: s) > 0 { keysOf[h.entity, default: []].append("\(h.value(in: s)) votes For") }
                let borrowed = AuthorityRules(world: world).borrowed(r, attacker: !honest, borrow: true)
                if borrowed > 0 { keysOf["attacker", default: []].append("\(borrowed) borrowed votes For") }
            case .shutdownModule(let m):
                for h in m.holdings where member(h.entity) && h.value(in: s) > 0 { keysOf[h.entity, default: []].append("\(h.value(in: s)) to deposit") }
            case .anyone: break
            }
        }
        collect(role)
        return keysOf.keys.sorted().map { "\($0): \(keysOf[$0]!.joined(separator: ", "))" }
    }
}
