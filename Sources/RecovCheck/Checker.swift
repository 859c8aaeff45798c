import Foundation
import RecovIR
import RecovSMT

/// One independent check: a property of a procedure.
public struct CheckJob: Sendable, Hashable {
    public var procedure: String
    public var rule: Rule
    public init(procedure: String, rule: Rule) { self.procedure = procedure; self.rule = rule }
}

/// Runs every check of a program, in parallel, each job with its own Z3 context.
public struct Checker: Sendable {
    public let program: Program
    public let options: CheckOptions
    /// `--dump-smt`: every solver query of a check is written to this folder as SMT-LIB2.
    public var smtDumpDirectory: String?

    /// The rules checked for every procedure, in report order.
    public static let rules: [Rule] = [.sanity, .noUnilateralControl, .boundedIntervention, .noCollateralLoss,
                                       .containmentTime, .blastRadius, .invariant]

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
        program.procedures.first { $0.name == procedure }.flatMap { World(program: program, procedure: $0) }
    }

    /// Runs one job.
    public func run(_ job: CheckJob) -> CheckResult {
        guard let w = world(for: job.procedure) else {
            return CheckResult(procedure: job.procedure, rule: job.rule, verdict: .error, message: "unknown procedure", depth: options.depth, location: .unknown)
        }
        guard let dir = smtDumpDirectory else { return BoundedModelChecker(world: w, options: options).check(job.rule) }
        let dump = SMTQueryDump(directory: dir, prefix: "\(job.procedure).\(job.rule.rawValue)")
        return SMTQueryDump.$current.withValue(dump) { BoundedModelChecker(world: w, options: options).check(job.rule) }
    }

    /// Runs `jobs` on up to `parallelism` threads; results come back in the order of `jobs`.
    /// `precomputed` supplies results (e.g. from a cache) that are not solved again; `started` and
    /// `progress` are told when a job is picked up and when it is done.
    public func run(_ jobs: [CheckJob], parallelism: Int, precomputed: [CheckJob: CheckResult] = [:],
                    started: (@Sendable (CheckJob) -> Void)? = nil,
                    progress: (@Sendable (CheckResult) -> Void)? = nil) -> [CheckResult] {
        let box = ResultBox(count: jobs.count)
        let todo = jobs.indices.filter { precomputed[jobs[$0]] == nil }
        for i in jobs.indices { if let r = precomputed[jobs[i]] { box.set(i, r) } }
        let workers = max(1, min(parallelism, todo.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let n = box.next(limit: todo.count) {
                started?(jobs[todo[n]])
                let r = run(jobs[todo[n]])
                box.set(todo[n], r)
                progress?(r)
            }
        }
        return Self.markVacuous(box.results.map { $0! })
    }

    /// A procedure whose sanity check failed has no meaningful passes: they become errors.
    public static func markVacuous(_ results: [CheckResult]) -> [CheckResult] {
        let failed = Dictionary(results.filter { $0.rule == .sanity && $0.verdict == .error }.map { ($0.procedure, $0) }, uniquingKeysWith: { a, _ in a })
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

/// Results written by worker threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [CheckResult?]
    private var cursor = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: CheckResult) { lock.lock(); slots[i] = r; lock.unlock() }

    func next(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < limit else { return nil }
        cursor += 1
        return cursor - 1
    }

    var results: [CheckResult?] { lock.lock(); defer { lock.unlock() }; return slots }
}
