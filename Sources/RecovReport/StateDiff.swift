import RecovIR
import RecovCheck

/// Describes what changed between two states, in the model's terms.
public enum StateDiff {
    /// "paused: false → true", "collateral[#3]: 100 → 0", "key sm1: Sky Mavis → Attacker".
    public static func changes(from a: State, to b: State, world: World) -> [String] {
        var out: [String] = []
        for v in world.model.state {
            switch v.type {
            case .int: if a.ints[v.name] != b.ints[v.name] { out.append("\(v.name): \(a.ints[v.name]!) → \(b.ints[v.name]!)") }
            case .bool: if a.bools[v.name] != b.bools[v.name] { out.append("\(v.name): \(a.bools[v.name]!) → \(b.bools[v.name]!)") }
            case .map:
                for k in (b.maps[v.name] ?? [:]).keys.sorted() where a.maps[v.name]?[k] != b.maps[v.name]?[k] {
                    out.append("\(v.name)[#\(k)]: \(a.maps[v.name]?[k] ?? 0) → \(b.maps[v.name]![k]!)")
                }
            }
        }
        for k in world.model.keys.map(\.name) where a.holders[k] != b.holders[k] {
            out.append("key \(k): held by \(a.holders[k] ?? "?") → \(b.holders[k] ?? "?")")
        }
        for g in b.grants.subtracting(a.grants).sorted() { out.append("allowlist: \(g.entity) may sign with \(g.key)") }
        for g in a.grants.subtracting(b.grants).sorted() { out.append("allowlist revoked: \(g.entity) for \(g.key)") }
        for r in b.thresholds.keys.sorted() where a.thresholds[r] != b.thresholds[r] {
            out.append("threshold \(r): \(a.thresholds[r] ?? 0) → \(b.thresholds[r]!)")
        }
        if a.pc != b.pc, b.pc > 0, b.pc <= world.procedure.steps.count { out.append("step '\(world.procedure.steps[b.pc - 1].name)' done") }
        if !a.contained && b.contained { out.append("contained") }
        return out
    }

    /// The initial state's values (all of them with `full`, else the non-trivial ones).
    public static func initial(_ s: State, world: World, full: Bool) -> [String] {
        var out: [String] = []
        for v in world.model.state {
            switch v.type {
            case .int: if full || s.ints[v.name] != 0 { out.append("\(v.name) = \(s.ints[v.name]!)") }
            case .bool: if full || s.bools[v.name] == true { out.append("\(v.name) = \(s.bools[v.name]!)") }
            case .map:
                for k in (s.maps[v.name] ?? [:]).keys.sorted() where full || s.maps[v.name]![k] != 0 { out.append("\(v.name)[#\(k)] = \(s.maps[v.name]![k]!)") }
            }
        }
        return out
    }
}
