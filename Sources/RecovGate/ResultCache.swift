import Foundation
import RecovCheck
import RecovIR

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
    public static let formatVersion = 2
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
        /// How many source locations the procedure's IR had when the entry was written (in
        /// canonical traversal order); a hit needs the same count.
        var locationCount: Int
        /// The locations the result names, each with its first place in that order, so that a hit
        /// can name the current program's location at that place instead.
        var locations: [PlacedLocation]
        var result: CheckResult
    }

    /// A source location and its first index among the IR's locations in canonical order.
    struct PlacedLocation: Codable {
        var index: Int
        var location: SourceLocation
    }

    /// `r` with every location it names (where the check failed, the counterexample's declaration
    /// and steps, the accepted roles) passed through `f`: the one list of them, for storing and
    /// for refreshing a hit.
    static func relocating(_ r: CheckResult, _ f: (SourceLocation) -> SourceLocation) -> CheckResult {
        var r = r
        r.location = f(r.location)
        if var cex = r.counterexample {
            cex.location = f(cex.location)
            for i in cex.steps.indices { cex.steps[i].location = cex.steps[i].location.map(f) }
            r.counterexample = cex
        }
        r.acceptedUnilateral = r.acceptedUnilateral?.map { a in
            var a = a
            a.location = f(a.location)
            return a
        }
        return r
    }

    /// The cache keys and current locations of a program's procedures, computed once per run.
    public struct Keys: Sendable {
        var byJob: [CheckJob: String] = [:]
        var locations: [String: [SourceLocation]] = [:]
        public func key(_ job: CheckJob) -> String? { byJob[job] }
    }

    /// Computes the key of every job: the SHA-256 of the canonical document `keyDocument` describes.
    /// Each procedure's IR comes from its canonical form (`CanonicalIR`, shared with the approvals)
    /// and the options are serialized once; both are spliced into each rule's document
    /// (serializing the whole document per job made this the bulk of a warm run).
    public func keys(for jobs: [CheckJob], program: Program, options: CheckOptions) async -> Keys {
        var keys = Keys()
        let optionsObject: Any = (try? Canonical.stripped(options).object) ?? [:]
        guard let optionsData = try? Canonical.data(optionsObject),
            let toolData = try? Canonical.data(toolVersion)
        else { return keys }
        let canonical = await CanonicalIR.of(program)
        for job in jobs {
            guard let ir = canonical.entries[job.procedure], let ruleData = try? Canonical.data(job.rule.rawValue)
            else { continue }
            keys.locations[job.procedure] = ir.locations
            keys.byJob[job] = Canonical.sha256(
                Self.keyDocument(ir: ir.data, options: optionsData, rule: ruleData, toolVersion: toolData))
        }
        return keys
    }

    /// The canonical JSON of `{"cacheFormat", "ir", "options", "rule", "tool", "toolVersion"}` (keys
    /// sorted, no spaces: byte for byte what `Canonical.data` writes for that dictionary) from the
    /// already serialized parts.
    static func keyDocument(ir: Data, options: Data, rule: Data, toolVersion: Data) -> Data {
        var d = Data("{\"cacheFormat\":\(formatVersion),\"ir\":".utf8)
        d.append(ir)
        d.append(contentsOf: Array(",\"options\":".utf8))
        d.append(options)
        d.append(contentsOf: Array(",\"rule\":".utf8))
        d.append(rule)
        d.append(contentsOf: Array(",\"tool\":\"recovcheck\",\"toolVersion\":".utf8))
        d.append(toolVersion)
        d.append(contentsOf: Array("}".utf8))
        return d
    }

    func path(_ key: String) -> String { (resultsDirectory as NSString).appendingPathComponent(key + ".json") }

    /// The cached result of `job`, with `cached = true` and locations refreshed, or nil.
    public func lookup(_ job: CheckJob, keys: Keys) -> CheckResult? {
        guard let key = keys.key(job), let data = FileManager.default.contents(atPath: path(key)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data),
            entry.formatVersion == Self.formatVersion, entry.key == key, entry.toolVersion == toolVersion,
            entry.procedure == job.procedure, entry.rule == job.rule,
            let current = keys.locations[job.procedure], current.count == entry.locationCount,
            entry.locations.allSatisfy({ current.indices.contains($0.index) })
        else { return nil }
        var map: [SourceLocation: SourceLocation] = [:]
        for placed in entry.locations { map[placed.location] = current[placed.index] }
        var r = Self.relocating(entry.result) { map[$0] ?? $0 }
        r.cached = true
        return r
    }

    /// Whether a result may be stored.
    public static func storable(_ r: CheckResult) -> Bool {
        r.verdict == .proved || r.verdict == .holds || r.verdict == .violated || r.verdict == .notApplicable
    }

    /// Stores a freshly solved result (atomically; concurrent runs may share a cache).
    public func store(_ job: CheckJob, result: CheckResult, keys: Keys) {
        guard Self.storable(result), let key = keys.key(job), let locations = keys.locations[job.procedure] else {
            return
        }
        var r = result
        r.cached = false
        var firstIndex: [SourceLocation: Int] = [:]
        for (i, l) in locations.enumerated() where firstIndex[l] == nil { firstIndex[l] = i }
        var named: [Int: SourceLocation] = [:]
        _ = Self.relocating(r) { l in
            if let i = firstIndex[l] { named[i] = l }
            return l
        }
        let placed = named.keys.sorted().map { PlacedLocation(index: $0, location: named[$0]!) }
        let entry = Entry(
            formatVersion: Self.formatVersion, key: key, toolVersion: toolVersion, procedure: job.procedure,
            rule: job.rule, locationCount: locations.count, locations: placed, result: r)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path(key)), options: .atomic)
    }
}
