import RecovCheck
import RecovIR

/// What changed between two states, in the model's terms: its variables and keys in declaration
/// order with the world of the procedure, or in name order from the states alone (results merged
/// from shard files carry no program).
public struct StateDiff: Sendable {
    private var variables: [(name: String, type: VarType)]?
    private var keys: [String]?
    private var steps: [String]

    public init(world: World?) {
        variables = world.map { $0.model.state.map { ($0.name, $0.type) } }
        keys = world.map { $0.model.keys.map(\.name) }
        steps = world?.procedure.steps.map(\.name) ?? []
    }

    /// The variables of `s`: the model's, else the state's own in name order (integers, flags, maps).
    private func variables(of s: State) -> [(name: String, type: VarType)] {
        variables ?? s.ints.keys.sorted().map { ($0, .int) } + s.bools.keys.sorted().map { ($0, .bool) }
            + s.maps.keys.sorted().map { ($0, .map) }
    }

    /// "paused: false → true", "collateral[#3]: 100 → 0", "key sm1: held by Sky Mavis → Attacker".
    public func changes(from a: State, to b: State) -> [StateChange] {
        var out: [StateChange] = []
        for v in variables(of: b) {
            switch v.type {
            case .int:
                if a.ints[v.name] != b.ints[v.name] {
                    out.append(
                        .variable(
                            name: v.name, account: nil, before: a.ints[v.name].map { .int($0) },
                            after: b.ints[v.name].map { .int($0) }))
                }
            case .bool:
                if a.bools[v.name] != b.bools[v.name] {
                    out.append(
                        .variable(
                            name: v.name, account: nil, before: a.bools[v.name].map { .bool($0) },
                            after: b.bools[v.name].map { .bool($0) }))
                }
            case .map:
                for k in (b.maps[v.name] ?? [:]).keys.sorted() where a.maps[v.name]?[k] != b.maps[v.name]?[k] {
                    out.append(
                        .variable(
                            name: v.name, account: k, before: .int(a.maps[v.name]?[k] ?? 0),
                            after: b.maps[v.name]?[k].map { .int($0) }))
                }
            }
        }
        for k in keys ?? b.holders.keys.sorted() where a.holders[k] != b.holders[k] {
            out.append(.holder(key: k, before: a.holders[k], after: b.holders[k]))
        }
        for g in b.grants.subtracting(a.grants).sorted() { out.append(.granted(g)) }
        for g in a.grants.subtracting(b.grants).sorted() { out.append(.revoked(g)) }
        for r in b.thresholds.keys.sorted() where a.thresholds[r] != b.thresholds[r] {
            out.append(.threshold(role: r, before: a.thresholds[r] ?? 0, after: b.thresholds[r]!))
        }
        if a.pc != b.pc, b.pc > 0, b.pc <= steps.count { out.append(.stepDone(steps[b.pc - 1])) }
        if !a.contained && b.contained { out.append(.contained) }
        return out
    }

    /// The initial state's values (all of them with `full`, else the non-trivial ones).
    public func initial(_ s: State, full: Bool) -> [StateChange] {
        var out: [StateChange] = []
        for v in variables(of: s) {
            switch v.type {
            case .int:
                if let x = s.ints[v.name], full || x != 0 {
                    out.append(.initial(name: v.name, account: nil, value: .int(x)))
                }
            case .bool:
                if let x = s.bools[v.name], full || x {
                    out.append(.initial(name: v.name, account: nil, value: .bool(x)))
                }
            case .map:
                for k in (s.maps[v.name] ?? [:]).keys.sorted() where full || s.maps[v.name]![k] != 0 {
                    out.append(.initial(name: v.name, account: k, value: .int(s.maps[v.name]![k]!)))
                }
            }
        }
        return out
    }
}
