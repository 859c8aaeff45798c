import Foundation
import RecovCheck
import RecovIR
import RecovReport

/// Combines the JSON reports of several shards (`--json FILE` of each `--shard i/n` run) into one.
public enum ShardMerge {
    /// The merged results and run settings. Shards must agree on the depth; a check reported by
    /// two shards is an error (overlapping shards). `allowUnknown` holds only if every shard allowed unknowns.
    public static func merge(files: [String]) throws -> (results: [CheckResult], depth: Int, allowUnknown: Bool) {
        guard !files.isEmpty else { throw GateError("give the JSON result files of the shards to merge") }
        var results: [CheckResult] = []
        var seen: Set<CheckJob> = []
        var depth: Int?
        var allow = true
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else {
                throw GateError("cannot read the file", at: f)
            }
            let doc: JSONReport.Document
            do { doc = try JSONReport.read(data) } catch {
                throw GateError("not a recovcheck JSON report: \(error)", at: f)
            }
            guard doc.tool == "recovcheck", doc.schemaVersion <= JSONReport.schemaVersion else {
                throw GateError(
                    "not a recovcheck JSON report of schema version \(JSONReport.schemaVersion) or older", at: f)
            }
            if let d = depth, d != doc.depth {
                throw GateError("checked to depth \(doc.depth), other shards to depth \(d)", at: f)
            }
            depth = doc.depth
            allow = allow && doc.allowUnknown
            for r in doc.results {
                let j = CheckJob(procedure: r.procedure, rule: r.rule)
                guard seen.insert(j).inserted else {
                    throw GateError("\(r.procedure) \(r.rule.rawValue) is also in another shard's results", at: f)
                }
                results.append(r)
            }
        }
        // Stable order: procedures by name, rules in report order.
        let ruleOrder = Dictionary(uniqueKeysWithValues: Checker.rules.enumerated().map { ($1, $0) })
        results.sort { a, b in
            a.procedure != b.procedure
                ? a.procedure < b.procedure : (ruleOrder[a.rule] ?? 99) < (ruleOrder[b.rule] ?? 99)
        }
        return (results, depth ?? 0, allow)
    }
}
