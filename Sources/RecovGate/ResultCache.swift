import Foundation
import RecovIR
import RecovCheck

/// A result cache on disk: one JSON file per check under `DIR/results/`, named by the SHA-256 of
/// the canonical JSON of the check's inputs — the procedure's IR with its model and incident
/// (source locations removed, see `Canonical`), the rule, the tool version and the `CheckOptions`.
///
/// Only verdicts that do not depend on the machine are stored: `proved` (its searches run under a
/// deterministic resource limit), `holds`, `violated` and
/// `not-applicable`. `unknown` (a timeout may pass on a faster runner) and `error` are solved
/// again every run. A hit's source locations are refreshed from the current program, so a
/// procedure moved within its file reports its new lines.
public struct ResultCache: Sendable {
    /// Bump when the entry format or the meaning of a key changes.
    public static let formatVersion = 1
    public static let defaultDirectory = ".recovcheck-cache"

    public let directory: String
    public let toolVersion: String

    public init(directory: String = ResultCache.defaultDirectory, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    var resultsDirectory: String { (directory as NSString).appendingPathComponent("results") }

    struct Entry: Codable {
        var formatVersion: Int
        var key: String
        var toolVersion: String
        var procedure: String
        var rule: Rule
        /// The IR's source locations when the entry was written, in canonical traversal order.
        var locations: [SourceLocation]
        var result: CheckResult
    }

    /// The cache keys and current locations of a program's procedures, computed once per run.
    public struct Keys: Sendable {
        var byJob: [CheckJob: String] = [:]
        var locations: [String: [SourceLocation]] = [:]
        public func key(_ job: CheckJob) -> String? { byJob[job] }
    }

    /// Computes the key of every job.
    public func keys(for jobs: [CheckJob], program: Program, options: CheckOptions) -> Keys {
        var keys = Keys()
        let optionsObject: Any = (try? Canonical.stripped(options).object) ?? [:]
        var irs: [String: Any] = [:]
        for job in jobs {
            if irs[job.procedure] == nil {
                guard let p = program.procedure(named: job.procedure), let ir = ProcedureIR(program: program, procedure: p), let c = try? ir.canonical() else { continue }
                irs[job.procedure] = c.object
                keys.locations[job.procedure] = c.locations
            }
            let doc: [String: Any] = ["cacheFormat": Self.formatVersion, "ir": irs[job.procedure]!, "rule": job.rule.rawValue,
                                      "tool": "recovcheck", "toolVersion": toolVersion, "options": optionsObject]
            guard let data = try? Canonical.data(doc) else { continue }
            keys.byJob[job] = Canonical.sha256(data)
        }
        return keys
    }

    func path(_ key: String) -> String { (resultsDirectory as NSString).appendingPathComponent(key + ".json") }

    /// The cached result of `job`, with `cached = true` and locations refreshed, or nil.
    public func lookup(_ job: CheckJob, keys: Keys) -> CheckResult? {
        guard let key = keys.key(job), let data = FileManager.default.contents(atPath: path(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.formatVersion == Self.formatVersion, entry.key == key, entry.toolVersion == toolVersion,
              entry.procedure == job.procedure, entry.rule == job.rule,
              let current = keys.locations[job.procedure], current.count == entry.locations.count else { return nil }
        var map: [SourceLocation: SourceLocation] = [:]
        for (old, new) in zip(entry.locations, current) where map[old] == nil { map[old] = new }
        var r = entry.result
        r.location = map[r.location] ?? r.location
        if var cex = r.counterexample {
            cex.location = map[cex.location] ?? cex.location
            for i in cex.steps.indices { cex.steps[i].location = cex.steps[i].location.map { map[$0] ?? $0 } }
            r.counterexample = cex
        }
        r.cached = true
        return r
    }

    /// Whether a result may be stored.
    public static func storable(_ r: CheckResult) -> Bool {
        r.verdict == .proved || r.verdict == .holds || r.verdict == .violated || r.verdict == .notApplicable
    }

    /// Stores a freshly solved result (atomically; concurrent runs may share a cache).
    public func store(_ job: CheckJob, result: CheckResult, keys: Keys) {
        guard Self.storable(result), let key = keys.key(job), let locations = keys.locations[job.procedure] else { return }
        var r = result
        r.cached = false
        let entry = Entry(formatVersion: Self.formatVersion, key: key, toolVersion: toolVersion, procedure: job.procedure,
                          rule: job.rule, locations: locations, result: r)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(key)), options: .atomic)
    }
}
