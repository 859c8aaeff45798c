import RecovIR
import RecovCheck

/// One line per counterexample step, for renderers that show a trace as a list (SARIF code flows,
/// JUnit failure text). Works with the world of the procedure (names in the model's order) and
/// without it (results merged from shard JSON files), so merged reports keep their traces.
public enum TraceLines {
    /// "#2 t+1h procedure: procedure step 'pause' by guardian; signed by Alpha Security: guardian-1; changed: paused: false → true".
    public static func steps(_ cex: Counterexample, world: World?) -> [String] {
        let t0 = cex.steps.first?.state.now ?? 0
        var previous: State?
        var out: [String] = []
        for (i, st) in cex.steps.enumerated() {
            let what = st.transition.map { describe($0, world: world) } ?? "initial state (trigger holds)"
            let changes: [String]
            if let p = previous {
                changes = world.map { StateDiff.changes(from: p, to: st.state, world: $0) } ?? genericChanges(from: p, to: st.state)
            } else {
                changes = world.map { StateDiff.initial(st.state, world: $0, full: false) } ?? genericInitial(st.state)
            }
            var line = "#\(i) t+\(HumanDuration.text(st.state.now - t0)) \(st.actor): \(what)"
            if !st.signers.isEmpty { line += "; signed by \(st.signers.joined(separator: "; "))" }
            if !changes.isEmpty { line += "; \(previous == nil ? "state" : "changed"): \(changes.joined(separator: ", "))" }
            out.append(line)
            previous = st.state
        }
        return out
    }

    /// The counterexample as plain text: a summary, the account or coalition, one line per step.
    public static func text(_ cex: Counterexample, world: World?) -> String {
        var out = "counterexample (\(max(0, cex.steps.count - 1)) transition(s)): \(cex.summary)\n"
        if let a = cex.account { out += "representative account: #\(a)\n" }
        if let c = cex.coalition, !c.isEmpty { out += "coalition: \(c.joined(separator: ", "))\n" }
        for (i, line) in steps(cex, world: world).enumerated() {
            let loc = cex.steps[i].location.map { "  (\(SourcePath.relative($0.file)):\($0.line):\($0.column))" } ?? ""
            out += line + loc + "\n"
        }
        return out
    }

    static func describe(_ t: Transition, world: World?) -> String {
        world.map { TraceText.describe(t, world: $0) } ?? TraceText.describe(t)
    }

    static func genericInitial(_ s: State) -> [String] {
        var out: [String] = []
        for k in s.ints.keys.sorted() where s.ints[k] != 0 { out.append("\(k) = \(s.ints[k]!)") }
        for k in s.bools.keys.sorted() where s.bools[k] == true { out.append("\(k) = true") }
        for m in s.maps.keys.sorted() { for a in s.maps[m]!.keys.sorted() where s.maps[m]![a] != 0 { out.append("\(m)[#\(a)] = \(s.maps[m]![a]!)") } }
        return out
    }

    static func genericChanges(from a: State, to b: State) -> [String] {
        var out: [String] = []
        for k in b.ints.keys.sorted() where a.ints[k] != b.ints[k] { out.append("\(k): \(a.ints[k].map(String.init) ?? "?") → \(b.ints[k]!)") }
        for k in b.bools.keys.sorted() where a.bools[k] != b.bools[k] { out.append("\(k): \(a.bools[k].map(String.init) ?? "?") → \(b.bools[k]!)") }
        for m in b.maps.keys.sorted() {
            for k in b.maps[m]!.keys.sorted() where a.maps[m]?[k] != b.maps[m]![k] { out.append("\(m)[#\(k)]: \(a.maps[m]?[k] ?? 0) → \(b.maps[m]![k]!)") }
        }
        for k in b.holders.keys.sorted() where a.holders[k] != b.holders[k] { out.append("key \(k): held by \(a.holders[k] ?? "?") → \(b.holders[k]!)") }
        for g in b.grants.subtracting(a.grants).sorted() { out.append("allowlist: \(g.entity) may sign with \(g.key)") }
        for g in a.grants.subtracting(b.grants).sorted() { out.append("allowlist revoked: \(g.entity) for \(g.key)") }
        for r in b.thresholds.keys.sorted() where a.thresholds[r] != b.thresholds[r] { out.append("threshold \(r): \(a.thresholds[r] ?? 0) → \(b.thresholds[r]!)") }
        if !a.contained && b.contained { out.append("contained") }
        return out
    }
}
