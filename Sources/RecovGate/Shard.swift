import Foundation
import RecovCheck

/// `--shard i/n`: the i-th of n deterministic parts of the job list (1-based).
///
/// Procedures are sorted by name and dealt round-robin, so every shard of the same program gets
/// the same split on every machine, the shards are balanced to within one procedure, and all
/// checks of a procedure stay in one shard (the sanity check and the checks it may turn into
/// errors belong together).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw GateError("--shard must be i/n with 1 <= i <= n (got \(index)/\(count))")
        }
        self.index = index
        self.count = count
    }

    /// Parses "2/4".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let n = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else {
            throw GateError("--shard must be i/n, e.g. --shard 1/4 (got '\(text)')")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Procedures of this shard.
    public func procedures(_ all: [String]) -> Set<String> {
        let names = Array(Set(all)).sorted()
        return Set(names.enumerated().filter { $0.offset % count == index - 1 }.map(\.element))
    }

    /// The jobs of this shard, in their original order.
    public func select(_ jobs: [CheckJob]) -> [CheckJob] {
        let mine = procedures(jobs.map(\.procedure))
        return jobs.filter { mine.contains($0.procedure) }
    }
}
