import Foundation
import RecovCheck

/// The CPU seconds each check took when it was last solved, kept in the cache folder
/// (`DIR/durations.json`) so that a run can start its longest checks first (`CheckSchedule`).
///
/// It is read and updated even with `--no-cache`: it decides only the order in which checks
/// start, never a result, and reports do not depend on that order (results are put back in
/// job order). Keyed by procedure and rule, not by the cache key, so that an edited procedure
/// keeps its history. A missing or unreadable file is an empty history; a write that fails is
/// ignored.
public struct CheckDurations: Sendable {
    public static let fileName = "durations.json"
    /// Entries kept at most; when more, the ones not seen for the longest are dropped.
    static let capacity = 4096

    public let path: String

    public init(directory: String) {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
    }

    struct Entry: Codable {
        /// CPU seconds of the check when last solved.
        var seconds: Double
        /// A counter of updates, to drop the stalest entries past `capacity`.
        var stamp: Int
    }

    struct File: Codable {
        var version = 1
        var checks: [String: Entry] = [:]
    }

    static func key(_ job: CheckJob) -> String { "\(job.procedure)\u{1F}\(job.rule.rawValue)" }

    private func load() -> File {
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? JSONDecoder().decode(File.self, from: data), file.version == 1
        else { return File() }
        return file
    }

    /// The CPU seconds each of `jobs` took when last solved; jobs never solved are absent.
    public func seconds(of jobs: [CheckJob]) -> [CheckJob: Double] {
        let checks = load().checks
        var out: [CheckJob: Double] = [:]
        for j in jobs { if let e = checks[Self.key(j)], e.seconds.isFinite, e.seconds >= 0 { out[j] = e.seconds } }
        return out
    }

    /// Records the durations of checks solved in this run (cache hits and unfinished checks are
    /// left out: they say nothing about the cost of solving). Written atomically.
    public func record(_ results: [CheckResult]) {
        guard !results.isEmpty else { return }
        var file = load()
        let stamp = (file.checks.values.map(\.stamp).max() ?? 0) + 1
        for r in results {
            file.checks[Self.key(CheckJob(procedure: r.procedure, rule: r.rule))] = Entry(
                seconds: r.cpuSeconds, stamp: stamp)
        }
        if file.checks.count > Self.capacity {
            let keep = file.checks.sorted { ($0.value.stamp, $0.key) > ($1.value.stamp, $1.key) }.prefix(Self.capacity)
            file.checks = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(file) else { return }
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
