import Foundation
import RecovIR
import RecovSMT

/// One independent check: a property of a procedure.
public struct CheckJob: Sendable, Hashable {
    public var procedure: String
    public var rule: Rule
    public init(procedure: String, rule: Rule) {
        self.procedure = procedure
        self.rule = rule
    }
}

/// Runs every check of a program, in parallel, each job with its own Z3 context.
public struct Checker: Sendable {
    public let program: Program
    public let options: CheckOptions
    /// `--dump-smt`: every solver query of a check is written to this folder as SMT-LIB2.
    public var smtDumpDirectory: String?

    /// The rules checked for every procedure, in report order.
    public static let rules: [Rule] = [
        .sanity, .noUnilateralControl, .boundedIntervention, .noCollateralLoss,
        .containmentTime, .blastRadius, .invariant,
    ]

    public init(program: Program, options: CheckOptions) {
        self.program = program
        self.options = options
    }

    /// All jobs, procedure by procedure in program order, rules in report order.
    public var jobs: [CheckJob] {
        program.procedures.flatMap { p in Self.rules.map { CheckJob(procedure: p.name, rule: $0) } }
    }

    /// The world of a procedure, built once per job.
    public func world(for procedure: String) -> World? {
        program.procedure(named: procedure).flatMap { World(program: program, procedure: $0) }
    }

    /// Runs one job.
    public func run(_ job: CheckJob) -> CheckResult {
        guard let w = world(for: job.procedure) else {
            return CheckResult(
                procedure: job.procedure, rule: job.rule, verdict: .error, message: "unknown procedure",
                depth: options.depth, location: .unknown)
        }
        guard let dir = smtDumpDirectory else { return BoundedModelChecker(world: w, options: options).check(job.rule) }
        let dump = SMTQueryDump(directory: dir, prefix: "\(job.procedure).\(job.rule.rawValue)")
        return SMTQueryDump.$current.withValue(dump) { BoundedModelChecker(world: w, options: options).check(job.rule) }
    }

    /// How a job of `outcomes` ended.
    public enum JobOutcome: Sendable {
        /// Solved to the end.
        case done(CheckResult)
        /// Cancelled while running: its Z3 contexts (`contexts` of them) were interrupted and its
        /// answer is discarded.
        case interrupted(contexts: Int)
        /// Cancelled before it started.
        case notStarted
    }

    /// Runs `jobs`, at most `parallelism` at a time, each on its own thread with its own Z3
    /// contexts; the outcomes come back in the order of `jobs`, whatever order they start or
    /// finish in. `order` is the order they start in, as indices into `jobs` (`CheckSchedule`);
    /// nil or not a permutation of the indices: the order of `jobs`.
    /// Cancelling the calling task interrupts the running jobs' Z3 contexts (through a
    /// `Z3Interrupt` per job) and starts no more. `started` is told when a job is picked up,
    /// `progress` when one is done (never for an interrupted one).
    public func outcomes(
        _ jobs: [CheckJob], parallelism: Int, order: [Int]? = nil,
        started: (@Sendable (CheckJob) -> Void)? = nil,
        progress: (@Sendable (CheckResult) -> Void)? = nil
    ) async -> [JobOutcome] {
        var outcomes = [JobOutcome](repeating: .notStarted, count: jobs.count)
        let starts = order.flatMap { $0.sorted() == Array(jobs.indices) ? $0 : nil } ?? Array(jobs.indices)
        await withTaskGroup(of: (Int, JobOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < starts.count, !Task.isCancelled else { return }
                let i = starts[next]
                next += 1
                started?(jobs[i])
                group.addTask {
                    let outcome = await runInterruptibly(jobs[i])
                    if case .done(let r) = outcome { progress?(r) }
                    return (i, outcome)
                }
            }
            for _ in 0..<max(1, parallelism) { startNext() }
            while let (i, outcome) = await group.next() {
                outcomes[i] = outcome
                startNext()
            }
        }
        return outcomes
    }

    /// Runs `job` on a thread of its own while it runs (`CheckThreads`: a check blocks in Z3 for as
    /// long as it takes, so it does not hold one of the few threads Swift's tasks share);
    /// cancelling the calling task interrupts it.
    func runInterruptibly(_ job: CheckJob) async -> JobOutcome {
        let interrupt = Z3Interrupt()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<CheckResult, Never>) in
                CheckThreads.shared.run {
                    Z3Interrupt.$current.withValue(interrupt) { run(job) }
                } then: {
                    done.resume(returning: $0)
                }
            }
        } onCancel: {
            interrupt.interrupt()
        }
        return interrupt.isInterrupted ? .interrupted(contexts: interrupt.contextsInterrupted) : .done(result)
    }

    /// Runs `jobs` as `outcomes` does; results come back in the order of `jobs`, with the sanity
    /// rule applied. `precomputed` supplies results (e.g. from a cache) that are not solved again.
    /// A job cancelled before it was done is `unknown`, never a pass.
    public func run(
        _ jobs: [CheckJob], parallelism: Int, precomputed: [CheckJob: CheckResult] = [:],
        started: (@Sendable (CheckJob) -> Void)? = nil,
        progress: (@Sendable (CheckResult) -> Void)? = nil
    ) async -> [CheckResult] {
        let todo = jobs.filter { precomputed[$0] == nil }
        let solved = await outcomes(todo, parallelism: parallelism, started: started, progress: progress)
        var results = precomputed
        for (job, outcome) in zip(todo, solved) {
            switch outcome {
            case .done(let r): results[job] = r
            case .interrupted, .notStarted:
                results[job] = unfinished(job, because: "cancelled before the check was done")
            }
        }
        return Self.markVacuous(jobs.map { results[$0]! })
    }

    /// The `unknown` result of a job that was not solved to the end, at its procedure.
    public func unfinished(_ job: CheckJob, because why: String) -> CheckResult {
        CheckResult(
            procedure: job.procedure, rule: job.rule, verdict: .unknown, message: why, depth: options.depth,
            location: program.procedure(named: job.procedure)?.loc ?? .unknown)
    }

    /// A procedure whose sanity check failed has no meaningful passes: they become errors.
    public static func markVacuous(_ results: [CheckResult]) -> [CheckResult] {
        let failed = Dictionary(
            results.filter { $0.rule == .sanity && $0.verdict == .error }.map { ($0.procedure, $0) },
            uniquingKeysWith: { a, _ in a })
        return results.map { r in
            guard r.verdict.passes, let s = failed[r.procedure] else { return r }
            var x = r
            x.verdict = .error
            x.message = "vacuous: \(s.message)"
            x.location = s.location
            x.proof = nil
            x.invariant = nil
            return x
        }
    }
}
