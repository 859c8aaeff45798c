import ArgumentParser
import Foundation
import RecovCheck
import RecovGate
import RecovIR
import RecovReport

/// Where check results are cached between runs; shared by `check` and `approve`.
struct CacheOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of the result cache (results/ inside it).", valueName: "dir"))
    var cacheDir: String = ResultCache.defaultDirectory

    @Flag(
        help:
            "Solve every check again: neither read nor write the result cache (the checks' durations, kept there to start the longest first, are still used)."
    )
    var noCache = false

    /// The checks' durations in the cache folder, used with or without `--no-cache`.
    var durations: CheckDurations { CheckDurations(directory: cacheDir) }

    /// The engine's fingerprint is remembered beside the results (`engine/`), by the executable's file identity.
    var cache: ResultCache? {
        noCache
            ? nil
            : ResultCache(
                directory: cacheDir,
                toolVersion: "\(RunReport.toolVersion)+\(EngineFingerprint.current(rememberedIn: cacheDir + "/engine"))"
            )
    }
}

/// The pre-merge CI gate's options of `check` (docs/ci-gate.md).
struct GateOptions: ParsableArguments {
    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: ArgumentHelp("Also write the report as SARIF 2.1.0 to this file.", valueName: "file"))
    var sarif: String?

    @Option(help: ArgumentHelp("Also write the report as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(
        help: ArgumentHelp("Also write the JSON report to this file (the input of merge-results).", valueName: "file"))
    var json: String?

    @Option(
        help: ArgumentHelp(
            "Overall time budget in seconds: checks not finished when it runs out are unknown.", valueName: "seconds"))
    var budget: Double?

    @Option(
        help: ArgumentHelp(
            "Check only the i-th of n deterministic parts of the procedures (e.g. 2/4).", valueName: "i/n"))
    var shard: String?

    @Flag(help: "Fail (exit 1) when a procedure changed since its approval or was never approved.")
    var requireApproved = false

    @Option(help: ArgumentHelp("The approvals lock file.", valueName: "file"))
    var lock: String = LockFile.defaultPath

    @Flag(help: "Print verdicts and a SHA-256 of each counterexample only; write the counterexamples to --redact-file.")
    var redact = false

    @Option(
        help: ArgumentHelp(
            "Where --redact writes the counterexamples (default: \(Redaction.defaultFile)).", valueName: "file"))
    var redactFile: String?

    /// When the command started (the budget counts from here, spec compilation included).
    let started = Date()

    enum CodingKeys: CodingKey {
        case cacheOptions, sarif, junit, json, budget, shard, requireApproved, lock, redact, redactFile
    }

    func validate() throws {
        if let b = budget, !(b > 0) { throw ValidationError("--budget must be a positive number of seconds") }
        if let s = shard { do { _ = try Shard(parsing: s) } catch { throw ValidationError("\(error)") } }
        if redactFile != nil && !redact { throw ValidationError("--redact-file needs --redact") }
    }

    /// The jobs of this run: all of them, or this shard's.
    func select(_ jobs: [CheckJob]) -> [CheckJob] {
        guard let s = shard, let sh = try? Shard(parsing: s) else { return jobs }
        return sh.select(jobs)
    }

    /// Runs the jobs with the cache and the budget; says on standard error what came from the cache.
    func run(
        _ checker: Checker, jobs: [CheckJob], parallelism: Int, quiet: Bool = false,
        progress: ProgressReporter? = nil, useCache: Bool = true
    ) async -> [CheckResult] {
        let runner = GateRunner(
            checker: checker, parallelism: parallelism, cache: useCache ? cacheOptions.cache : nil,
            deadline: budget.map { started.addingTimeInterval($0) }, budgetSeconds: budget,
            durations: cacheOptions.durations)
        progress?.begin(total: jobs.count)
        var onStart: (@Sendable (CheckJob) -> Void)?
        var onFinish: (@Sendable (CheckResult) -> Void)?
        if let progress {
            onStart = { job in progress.started(job) }
            onFinish = { result in progress.finished(result) }
        }
        let outcome = await runner.run(jobs, started: onStart, finished: onFinish)
        progress?.stop()
        if !quiet {
            var notes: [String] = []
            if outcome.cacheHits > 0 {
                notes.append(
                    "\(outcome.cacheHits) of \(jobs.count) result(s) from the cache (\(cacheOptions.cacheDir))")
            }
            if outcome.outOfBudget > 0 {
                notes.append("\(outcome.outOfBudget) check(s) unknown: the --budget of \(budget!)s ran out")
            }
            if let s = shard { notes.append("shard \(s): \(Set(jobs.map(\.procedure)).count) procedure(s)") }
            for n in notes { FileHandle.standardError.write(Data("recovcheck: note: \(n)\n".utf8)) }
        }
        return outcome.results
    }

    /// Applies --redact: writes the counterexamples to the redact file and removes them from the report.
    func prepare(_ report: RunReport) throws -> RunReport {
        guard redact else { return report }
        let file = redactFile ?? Redaction.defaultFile
        let (results, withheld) = Redaction.redact(report.results, file: file)
        do { try Redaction.write(withheld, to: file) } catch {
            throw CommandFailure(
                message: "cannot write the redacted counterexamples to '\(file)': \(error.localizedDescription)")
        }
        var r = report
        r.results = results
        return r
    }

    /// The report in a machine format (json, sarif, junit).
    func render(_ report: RunReport, format: String) throws -> String {
        switch format {
        case "sarif": return try SARIFReport.render(report, redacted: redact)
        case "junit": return JUnitReport.render(report, redacted: redact)
        default: return try JSONReport.render(report)
        }
    }

    /// Writes --sarif, --junit and --json files.
    func writeFiles(_ report: RunReport) throws {
        for (path, format) in [(sarif, "sarif"), (junit, "junit"), (json, "json")] {
            guard let path else { continue }
            do {
                var text = try render(report, format: format)
                if !text.hasSuffix("\n") { text += "\n" }
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CommandFailure(
                    message: "cannot write the \(format) report to '\(path)': \(error.localizedDescription)")
            }
        }
    }

    /// With --require-approved: one message per unapproved or changed procedure on standard error.
    /// Returns whether every procedure of the run is approved.
    func checkApprovals(program: Program, procedures: [String], sources: String?) async throws -> Bool {
        guard requireApproved else { return true }
        let lockFile: LockFile
        lockFile = try LockFile.read(lock)
        var seen = Set<String>()
        let names = procedures.filter { seen.insert($0).inserted }
        let problems = try await Approvals.problems(
            lock: lockFile, lockPath: lock, program: program, procedures: names, sources: sources)
        for p in problems { FileHandle.standardError.write(Data((p + "\n").utf8)) }
        if !problems.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "recovcheck: \(problems.count) procedure(s) not approved in their current form (--require-approved)\n"
                        .utf8))
        }
        return problems.isEmpty
    }

    /// The exit code: input errors (2) win, then an approval failure (1), then the verdicts.
    static func exitCode(report: Int32, approved: Bool) -> Int32 {
        if report == 2 { return 2 }
        if !approved { return 1 }
        return report
    }
}

/// The note every text report carries when unknown verdicts are allowed.
func allowUnknownNote(_ report: RunReport) -> String? {
    guard report.allowUnknown else { return nil }
    return "note: --allow-unknown: unknown verdicts do not fail this run (\(report.count(.unknown)) unknown)"
}
