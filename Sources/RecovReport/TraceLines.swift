import RecovCheck
import RecovIR

/// One line per counterexample step, for renderers that show a trace as a list (SARIF code flows,
/// JUnit failure text), from the shared `TraceView`.
public enum TraceLines {
    /// "#2 t+1h procedure: procedure step 'pause' by guardian; signed by Alpha Security: guardian-1; changed: paused: false → true".
    public static func steps(_ cex: Counterexample, world: World?) -> [String] {
        TraceView(cex, world: world, fullInitialState: false).rows.map { row in
            var line = "#\(row.index) \(row.time) \(row.actor): \(row.label)"
            if !row.signers.isEmpty { line += "; signed by \(row.signers.map(\.text).joined(separator: "; "))" }
            if !row.changes.isEmpty {
                line += "; \(row.isInitial ? "state" : "changed"): \(row.changes.map(\.text).joined(separator: ", "))"
            }
            return line
        }
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
}
