import Foundation
import RecovCheck
import RecovIR
import RecovReport

/// `--redact`: public output carries verdicts and a SHA-256 of each counterexample; the
/// counterexamples themselves go only to a separate file (kept out of public CI logs).
public enum Redaction {
    public static let defaultFile = "recovcheck-counterexamples.json"

    /// SHA-256 of the counterexample's JSON (sorted keys) — the `counterexample` object of its
    /// entry in the redact file, encoded the same way.
    public static func hash(_ cex: Counterexample) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Canonical.sha256((try? enc.encode(cex)) ?? Data())
    }

    public struct Withheld: Codable, Sendable {
        public var procedure: String
        public var rule: Rule
        public var verdict: VerdictKind
        public var sha256: String
        /// The unredacted one-line message (it may name entities, keys or values).
        public var message: String
        public var worstCase: Int?
        public var counterexample: Counterexample
    }

    struct File: Codable {
        var tool: String
        var version: String
        var counterexamples: [Withheld]
    }

    /// Results with counterexamples (and the messages and worst cases derived from them) removed,
    /// and what was removed. Proof invariants go too: they state the model's variables and values.
    public static func redact(_ results: [CheckResult], file: String) -> (results: [CheckResult], withheld: [Withheld])
    {
        var withheld: [Withheld] = []
        let shown = SourcePath.relative(file)
        let out = results.map { r0 -> CheckResult in
            var r = r0
            r.invariant = nil
            guard r.verdict == .violated || r.counterexample != nil else { return r }
            var x = r
            if let cex = r.counterexample {
                let h = hash(cex)
                withheld.append(
                    Withheld(
                        procedure: r.procedure, rule: r.rule, verdict: r.verdict, sha256: h, message: r.message,
                        worstCase: r.worstCase, counterexample: cex))
                x.message = "counterexample withheld (--redact): sha256 \(h), written to \(shown)"
            } else {
                x.message = "details withheld (--redact)"
            }
            x.counterexample = nil
            x.worstCase = nil
            return x
        }
        return (out, withheld)
    }

    /// Writes the withheld counterexamples (JSON, sorted keys).
    public static func write(_ withheld: [Withheld], to path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try enc.encode(File(tool: "recovcheck", version: RunReport.toolVersion, counterexamples: withheld))
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
