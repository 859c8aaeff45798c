import Foundation
import RecovIR
import RecovCheck

/// Runs a list of check jobs for the gate: cache lookups first, then the misses in parallel,
/// within an optional overall time budget.
public struct GateRunner: Sendable {
    public var checker: Checker
    public var parallelism: Int
    /// nil: no result cache (`--no-cache`).
    public var cache: ResultCache?
    /// When the overall budget runs out (`--budget`); nil: no budget.
    public var deadline: Date?
    /// The budget in seconds, for messages.
    public var budgetSeconds: Double?

    public init(checker: Checker, parallelism: Int, cache: ResultCache?, deadline: Date? = nil, budgetSeconds: Double? = nil) {
        self.checker = checker; self.parallelism = parallelism; self.cache = cache
        self.deadline = deadline; self.budgetSeconds = budgetSeconds
    }

    public struct Outcome: Sendable {
        /// In the order of the jobs, with the sanity rule applied (a failed sanity check turns passes into errors).
        public var results: [CheckResult]
        /// Results taken from the cache.
        public var cacheHits: Int
        /// Checks solved in this run.
        public var solved: Int
        /// Checks not started, or abandoned while running, because the budget ran out.
        public var outOfBudget: Int
    }

    /// Runs `jobs`; `started` and `finished` report each check as it is picked up and done
    /// (cache hits are reported done first).
    public func run(_ jobs: [CheckJob], started: (@Sendable (CheckJob) -> Void)? = nil,
                    finished: (@Sendable (CheckResult) -> Void)? = nil) -> Outcome {
        let keys = cache.map { $0.keys(for: jobs, program: checker.program, options: checker.options) }
        var hits: [CheckJob: CheckResult] = [:]
        if let cache, let keys {
            for j in jobs { if let r = cache.lookup(j, keys: keys) { hits[j] = r } }
        }
        for j in jobs { if let r = hits[j] { finished?(r) } }
        let todo = jobs.filter { hits[$0] == nil }
        let store: (@Sendable (CheckJob, CheckResult) -> Void)? = { [cache, keys] job, r in
            if let cache, let keys { cache.store(job, result: r, keys: keys) }
            finished?(r)
        }
        guard let deadline else {
            // No budget: the engine's own scheduler, with the cache hits precomputed.
            let results = checker.run(jobs, parallelism: parallelism, precomputed: hits, started: started, progress: { r in
                store?(CheckJob(procedure: r.procedure, rule: r.rule), r)
            })
            return Outcome(results: results, cacheHits: hits.count, solved: todo.count, outOfBudget: 0)
        }
        let (solved, missed) = runWithin(todo, deadline: deadline, started: started, store: store)
        var all = hits
        for (j, r) in solved { all[j] = r }
        for (j, r) in missed { all[j] = r }
        let results = checker.run(jobs, parallelism: 1, precomputed: all)
        return Outcome(results: results, cacheHits: hits.count, solved: solved.count, outOfBudget: missed.count)
    }

    /// Solves `todo` until the deadline; checks not started by then, and checks still running at
    /// the deadline, become `unknown`. Running checks are abandoned, not waited for: their threads
    /// finish in the background (the command line exits right after reporting).
    func runWithin(_ todo: [CheckJob], deadline: Date, started: (@Sendable (CheckJob) -> Void)? = nil,
                   store: (@Sendable (CheckJob, CheckResult) -> Void)?)
        -> (solved: [CheckJob: CheckResult], missed: [CheckJob: CheckResult]) {
        let state = BudgetState()
        let group = DispatchGroup()
        let workers = max(1, min(parallelism, todo.count))
        let checker = self.checker
        for _ in 0..<(todo.isEmpty ? 0 : workers) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let i = state.next(limit: todo.count, deadline: deadline) {
                    started?(todo[i])
                    let r = checker.run(todo[i])
                    store?(todo[i], r)
                    state.finish(i, r)
                }
            }
        }
        let waitUntil = DispatchWallTime.now() + max(0, deadline.timeIntervalSinceNow)
        _ = group.wait(wallTimeout: waitUntil)
        let (done, running) = state.stop()
        var solved: [CheckJob: CheckResult] = [:]
        var missed: [CheckJob: CheckResult] = [:]
        let budget = budgetSeconds.map { "\($0.formatted())s" } ?? "time"
        for (i, job) in todo.enumerated() {
            if let r = done[i] { solved[job] = r; continue }
            let why = running.contains(i)
                ? "interrupted: the overall --budget of \(budget) ran out while this check was running"
                : "not started: the overall --budget of \(budget) ran out before this check could start"
            let loc = checker.program.procedures.first { $0.name == job.procedure }?.loc ?? .unknown
            missed[job] = CheckResult(procedure: job.procedure, rule: job.rule, verdict: .unknown, message: why,
                                      depth: checker.options.depth, location: loc)
        }
        return (solved, missed)
    }
}

extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}

/// Shared state of the budgeted workers.
private final class BudgetState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private var stopped = false
    private var done: [Int: CheckResult] = [:]
    private var running: Set<Int> = []

    func next(limit: Int, deadline: Date) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !stopped, cursor < limit, Date() < deadline else { return nil }
        cursor += 1
        running.insert(cursor - 1)
        return cursor - 1
    }

    func finish(_ i: Int, _ r: CheckResult) {
        lock.lock(); defer { lock.unlock() }
        running.remove(i)
        if !stopped { done[i] = r }
    }

    func stop() -> ([Int: CheckResult], Set<Int>) {
        lock.lock(); defer { lock.unlock() }
        stopped = true
        return (done, running)
    }
}
