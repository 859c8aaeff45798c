import Foundation
import RecovCheck
import RecovIR

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
    /// The checks' durations of earlier runs, to start the longest first (`CheckSchedule`); read
    /// (when the start order can matter) and updated even without a result cache, as only the
    /// order of starting comes from it.
    /// nil: no history (the rules' weights alone order the checks).
    public var durations: CheckDurations?

    public init(
        checker: Checker, parallelism: Int, cache: ResultCache?, deadline: Date? = nil, budgetSeconds: Double? = nil,
        durations: CheckDurations? = nil
    ) {
        self.checker = checker
        self.parallelism = parallelism
        self.cache = cache
        self.deadline = deadline
        self.budgetSeconds = budgetSeconds
        self.durations = durations
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
    /// (cache hits are reported done first). Results are in the order of `jobs`.
    public func run(
        _ jobs: [CheckJob], started: (@Sendable (CheckJob) -> Void)? = nil,
        finished: (@Sendable (CheckResult) -> Void)? = nil
    ) async -> Outcome {
        var keys: ResultCache.Keys?
        if let cache { keys = await cache.keys(for: jobs, program: checker.program, options: checker.options) }
        var hits: [CheckJob: CheckResult] = [:]
        if let cache, let keys {
            // One file to read and decode per job: spread over the workers (a warm run is little else).
            let found = await jobs.concurrentMap(width: parallelism) { cache.lookup($0, keys: keys) }
            for (j, r) in zip(jobs, found) { if let r { hits[j] = r } }
        }
        for j in jobs { if let r = hits[j] { finished?(r) } }
        let todo = jobs.filter { hits[$0] == nil }
        // Only checks solved to the end are stored: an interrupted one has no answer.
        let store: @Sendable (CheckResult) -> Void = { [cache, keys] r in
            if let cache, let keys {
                cache.store(CheckJob(procedure: r.procedure, rule: r.rule), result: r, keys: keys)
            }
            finished?(r)
        }
        // Longest first; the results still come back in the order of `todo`. The history is read
        // only when the start order can matter: when checks wait for a worker, and with one worker
        // only under a budget (which checks finish in time); a one-check run does not read it.
        let orderMatters = todo.count > max(1, parallelism) && (parallelism > 1 || deadline != nil)
        let history = orderMatters ? (durations?.seconds(of: todo) ?? [:]) : [:]
        let order = CheckSchedule(history: history).order(todo)
        let outcomes = await withinBudget { [checker, parallelism] in
            await checker.outcomes(todo, parallelism: parallelism, order: order, started: started, progress: store)
        }
        var all = hits
        var solved = 0
        let budget = budgetSeconds.map { "\($0.formatted())s" } ?? "time"
        for (job, outcome) in zip(todo, outcomes) {
            let why: String
            switch outcome {
            case .done(let r):
                all[job] = r
                solved += 1
                continue
            case .interrupted:
                why = "interrupted: the overall --budget of \(budget) ran out while this check was running"
            case .notStarted:
                why = "not started: the overall --budget of \(budget) ran out before this check could start"
            }
            all[job] = checker.unfinished(job, because: why)
        }
        durations?.record(outcomes.compactMap { if case .done(let r) = $0 { return r } else { return nil } })
        let results = Checker.markVacuous(jobs.map { all[$0]! })
        return Outcome(results: results, cacheHits: hits.count, solved: solved, outOfBudget: todo.count - solved)
    }

    /// Runs `work`, cancelling it when the deadline passes (cancellation interrupts the running
    /// checks' Z3 contexts, and no more start); without a deadline, just runs it.
    func withinBudget<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        guard let deadline else { return await work() }
        return await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                try? await Task.sleep(for: .seconds(max(0, deadline.timeIntervalSinceNow)))
                return nil  // the budget ran out (or the work finished and this was cancelled)
            }
            var result: T?
            while let next = await group.next() {
                if let next { result = next }
                group.cancelAll()  // either the work is done (stop the timer) or the budget ran out
            }
            return result!
        }
    }
}

extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
