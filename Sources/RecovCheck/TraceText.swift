import RecovIR

/// Short domain-language descriptions of transitions, shared by summaries and renderers.
public enum TraceText {
    /// "procedure step 'pause' (guardian)", "user #3 calls withdraw(amount: 5)", "attack drain(amount: 9)".
    /// Entity parameters are shown by the entity's name ("newHolder: Mallory").
    public static func describe(_ t: Transition, world: World) -> String {
        describe(t, entityNames: entityNames(t, world: world))
    }

    /// The same description, and for an insider's move the authority it used in `before` (the state
    /// before the move): "insider Gamma Labs (holding g1) calling rescueTokens() as rescue".
    public static func describe(_ t: Transition, world: World, before: State) -> String {
        guard case .insider(_, _, let entity, _) = t else { return describe(t, world: world) }
        let held = Signer.of(t, before: before, world: world).filter { $0.entity == entity }.flatMap(\.authority).map(
            \.description)
        return describe(
            t, entityNames: entityNames(t, world: world),
            insiderHolds: held.isEmpty ? nil : held.joined(separator: ", "))
    }

    /// Entity parameters by the entity's name ("newHolder" → "Mallory").
    private static func entityNames(_ t: Transition, world: World) -> [String: String] {
        guard let a = Evaluator(world: world).action(of: t) else { return [:] }
        var names: [String: String] = [:]
        for p in a.params where p.type == .entity {
            if case .int(let i)? = t.args[p.name], i >= 0, i < world.model.entities.count {
                names[p.name] = world.model.entities[i].name
            }
        }
        return names
    }

    /// The same description from the transition alone (e.g. for results merged from shard files).
    public static func describe(_ t: Transition) -> String { describe(t, entityNames: [:]) }

    private static func describe(_ t: Transition, entityNames: [String: String], insiderHolds: String? = nil) -> String
    {
        let args = t.args.sorted { $0.key < $1.key }.filter { $0.key != "value" }
            .map { "\($0.key): \(entityNames[$0.key] ?? $0.value.description)" }.joined(separator: ", ")
        switch t {
        case .tick(let d): return "time passing \(HumanDuration.text(d))"
        case .step(let name, _, let role, _):
            return "procedure step '\(name)' by \(role)\(args.isEmpty ? "" : " (\(args))")"
        case .action(let name, let caller?, _): return "user #\(caller) calling \(name)(\(args))"
        case .action(let name, nil, _): return "anyone calling \(name)(\(args))"
        case .attack(let name, _): return "attack \(name)(\(args))"
        case .privileged(let name, let role, _): return "the attacker calling \(name)(\(args)) as \(role)"
        case .oracle(let target, let value): return "oracle moving \(target) to \(value)"
        case .coalition(let name, let role, _, _, _):
            return "the coalition calling \(name)(\(args)) as \(role), a role it may hold alone"
        case .insider(let name, let role, let entity, _):
            return
                "insider \(entity)\(insiderHolds.map { " (holding \($0))" } ?? "") calling \(name)(\(args)) as \(role)"
        }
    }
}
