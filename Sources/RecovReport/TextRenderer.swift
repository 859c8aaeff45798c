import RecovCheck
import RecovIR

/// The default human-readable output: one line per verdict, and a trace table per violation.
public struct TextRenderer {
    public var color: Bool
    /// Print counterexamples in full (every state variable), as `explain` does.
    public var explain: Bool
    /// Append each check's wall-clock time (off by default: output stays byte-identical across runs).
    public var timings: Bool

    public init(color: Bool = false, explain: Bool = false, timings: Bool = false) {
        self.color = color
        self.explain = explain
        self.timings = timings
    }

    /// Spec-provided text (names, messages, paths) with control characters escaped: a spec cannot
    /// forge lines or hide text with escape sequences (see `TerminalText`).
    private func safe(_ s: String) -> String { TerminalText.escape(s) }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ report: RunReport) -> String {
        var out = ""
        var current = ""
        for e in report.entries {
            let r = e.result
            if r.procedure != current {
                current = r.procedure
                out +=
                    "\n" + paint(safe(r.procedure), "1")
                    + (e.procedure.map { "  (\(safe($0.model)) / \(safe($0.incident)), \(safe(relative($0.loc))))" }
                        ?? "") + "\n"
            }
            out += line(r) + "\n"
            if !r.verdict.passes && r.verdict != .notApplicable {
                out += "      at \(safe(relative(r.location)))\n"
            }
            if let cex = r.counterexample, let w = e.world {
                out += counterexample(cex, world: w, indent: "      ")
            }
            // The inductive invariant of a proof, in the model's terms (JSON always carries it).
            if explain, let lemmas = r.invariant {
                out += "      inductive invariant (every reachable state satisfies all of):\n"
                for l in lemmas { out += "        - \(safe(l))\n" }
            }
        }
        out += "\n" + summary(report) + "\n"
        return out
    }

    public func line(_ r: CheckResult) -> String {
        let tag: String
        switch r.verdict {
        case .proved: tag = paint("PROVED  ", "32;1")
        case .holds: tag = paint("holds   ", "32")
        case .violated: tag = paint("VIOLATED", "31;1")
        case .unknown: tag = paint("UNKNOWN ", "33;1")
        case .error: tag = paint("ERROR   ", "31;1")
        case .notApplicable: tag = paint("n/a     ", "2")
        }
        let cached = r.cached ? " [cached]" : ""
        let time = timings && !r.cached ? " (\(String(Int(r.seconds * 1000))) ms)" : ""
        let rule = r.rule.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
        return "  \(tag)  \(rule)  \(safe(r.message))\(cached)\(time)"
    }

    public func summary(_ report: RunReport) -> String {
        let parts = [
            ("proved", report.count(.proved)), ("holds to depth \(report.options.depth)", report.count(.holds)),
            ("violated", report.count(.violated)), ("unknown", report.count(.unknown)),
            ("error", report.count(.error)), ("not applicable", report.count(.notApplicable)),
        ]
        .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        var s =
            "\(report.program.procedures.count) procedure(s), \(report.results.count) check(s) to depth \(report.options.depth): "
            + parts.joined(separator: ", ")
        if report.allowUnknown && report.count(.unknown) > 0 { s += " (unknown allowed by --allow-unknown)" }
        return s
    }

    /// A trace table: step, time, actor, transition, signers, and the state that changed.
    public func counterexample(_ cex: Counterexample, world: World, indent: String) -> String {
        let n = cex.steps.count - 1
        var out = indent + paint("counterexample", "1")
        out +=
            n == 0
            // A coalition (no-unilateral-control) at depth 0 is read off the holder table.
            ? ": already in the initial state, with no transition"
                + (cex.coalition != nil ? " (the holder table itself)\n" : "\n")
            : " (\(n) transition\(n == 1 ? "" : "s")):\n"
        if let a = cex.account { out += indent + "  representative account: #\(a) (stands for every account)\n" }
        if let c = cex.coalition, !c.isEmpty || cex.attacker == true {
            let names = (cex.attacker == true ? ["the attacker"] : []) + c.filter { !world.compromised.contains($0) }
            let held =
                cex.attacker == true && !world.compromised.isEmpty
                ? " (with the keys of \(world.compromised.sorted().joined(separator: ", ")))" : ""
            out += indent + "  coalition: \(safe(names.joined(separator: " + ") + held))\n"
        }
        var rows: [[String]] = [["#", "time", "actor", "transition", "signed by", "changed", "where"]]
        for row in TraceView(cex, world: world, fullInitialState: explain).rows {
            rows.append(
                [
                    "\(row.index)", row.time, row.actor.description, row.label,
                    row.signers.map(\.text).joined(separator: "; "), row.changes.map(\.text).joined(separator: ", "),
                    row.step.location.map(relative) ?? "",
                ].map(safe))
        }
        let widths = rows[0].indices.map { c in min(60, rows.map { $0[c].count }.max() ?? 0) }
        for r in rows {
            let cells = r.enumerated().map { c, v in
                c == r.count - 1
                    ? v
                    : v.padding(
                        toLength: max(widths[c], v.count > 60 ? v.count : widths[c]), withPad: " ", startingAt: 0)
            }
            out += indent + "  " + cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return out
    }
}

/// Paths relative to the current directory where possible, so output is stable across machines.
func relative(_ loc: SourceLocation) -> String {
    SourcePath.relative(loc.file) + ":\(loc.line):\(loc.column)"
}

/// Shortens absolute paths under the working directory.
public enum SourcePath {
    /// A recorded path (relative to the project root, or absolute) relative to the current
    /// directory when it lies below it, for terminals and editors; otherwise absolute.
    public static func relative(_ path: String) -> String {
        let absolute = ProjectRoot.absolute(path)
        let cwd = ProjectRoot.currentDirectory()
        if !cwd.isEmpty, absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return absolute
    }

    /// A recorded path relative to the project root when it lies below it: the form artefacts
    /// that leave the machine (SARIF, JSON, HTML) carry, whatever folder the tool ran from.
    public static func relativeToProjectRoot(_ path: String) -> String {
        ProjectRoot.relative(ProjectRoot.absolute(path))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
