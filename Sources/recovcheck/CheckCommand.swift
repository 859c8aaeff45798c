import ArgumentParser
import Foundation
import RecovCheck
import RecovIR
import RecovLoader
import RecovReport
import RecovSMT

/// Output formats of the report on standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit
}

/// `recovcheck [check] PATH...`: the main job.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every procedure in the given spec files, folders or IR JSON files."
    )

    @OptionGroup var common: CommonOptions

    @OptionGroup var reportFiles: ReportOptions

    @OptionGroup var gate: GateOptions

    @Option(help: "Format of the report on standard output.")
    var format: OutputFormat = .text

    @Flag(help: "Let unknown verdicts pass the gate (shown in the output).")
    var allowUnknown = false

    @Flag(
        name: .customLong("color"), inversion: .prefixedNo,
        help: "Colour the text output (default: only on a terminal).")
    var color: Bool?

    @Flag(help: "Show full initial states in counterexamples.")
    var explain = false

    @Option(
        help: ArgumentHelp(
            "Write every solver query as an SMT-LIB2 file to this folder (the result cache is not used).",
            valueName: "dir"))
    var dumpSmt: String?

    func run() async throws {
        let progress = ProgressReporter(mode: ProgressReporter.mode(quiet: common.quiet))
        progress.startTicking()
        progress.phase("compiling the specs")
        let loaded: LoadResult
        do { loaded = try await common.loadProgramWithInfo(progress: progress) } catch {
            progress.stop()
            throw error
        }
        let program = loaded.program
        let options = common.checkOptions
        var checker = Checker(program: program, options: options)
        checker.smtDumpDirectory = dumpSmt
        let jobs = gate.select(common.selectRules(checker.jobs))
        let results = await gate.run(
            checker, jobs: jobs, parallelism: common.parallelism, progress: progress,
            useCache: dumpSmt == nil)
        var plain = RunReport(
            results: results, program: program, options: options, allowUnknown: allowUnknown, inputs: common.paths)
        if let key = loaded.cacheKey { plain.irCache = RunReport.IRCache(hit: loaded.cacheHit, key: key) }
        plain.specProgram = loaded.specProgramInfo
        let report = try gate.prepare(plain)
        try reportFiles.write(report)
        switch format {
        case .text:
            let useColor =
                color ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            print(
                TextRenderer(color: useColor, explain: explain, timings: common.timings).render(report), terminator: "")
            // Stale IR would give stale verdicts: say when the specs were not compiled this run.
            if let c = report.irCache, c.hit {
                print("IR from cache (key \(c.key.prefix(16))); --no-ir-cache recompiles the specs")
            }
            if let note = allowUnknownNote(report) { print(note) }
            if let line = loaded.specProgramLine { print(line) }
        case .json:
            print(try JSONReport.render(report))
        case .sarif, .junit:
            let text = try gate.render(report, format: format.rawValue)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        try gate.writeFiles(report)
        if common.timings { FileHandle.standardError.write(Data((Self.solverTimingLine() + "\n").utf8)) }
        // Error verdicts (an input problem found while checking, such as contradictory assumptions,
        // or an internal error) also go to standard error in the compiler's one-line form, so
        // editors and CI annotate the line; vacuous passes repeat their sanity error and are skipped.
        for r in report.results where r.verdict == .error && !r.message.hasPrefix("vacuous: ") {
            let line = TerminalText.escape(
                "\(r.location): error: \(r.procedure): \(r.rule.rawValue): \(r.message)".replacingOccurrences(
                    of: "\n", with: " "))
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try Self.requireSomethingChecked(report, selected: common.rules)
        let approved = try await gate.checkApprovals(
            program: program, procedures: jobs.map(\.procedure), sources: loaded.approvalSources)
        let code = GateOptions.exitCode(report: report.exitCode, approved: approved)
        if code != 0 { throw ExitCode(code) }
    }

    /// `--rule X` where no procedure declares what X checks would pass with every check "not
    /// applicable": a vacuous pass, so an error (exit 2) naming the rules.
    static func requireSomethingChecked(_ report: RunReport, selected: [Rule]) throws {
        let asked = Set(selected).subtracting([.sanity])
        guard !asked.isEmpty else { return }
        let ofAsked = report.results.filter { asked.contains($0.rule) }
        guard !ofAsked.isEmpty, ofAsked.allSatisfy({ $0.verdict == .notApplicable }) else { return }
        let names = asked.map(\.rawValue).sorted().joined(separator: ", ")
        throw CommandFailure(
            message:
                "--rule \(names): no procedure declares what \(asked.count == 1 ? "this rule checks" : "these rules check") (every such check is not applicable), so nothing was checked"
        )
    }

    /// `--timings`: this process's CPU time, split into Z3's checks, writing `--dump-smt` files and
    /// the rest (loading, encoding, reports; the compiler's processes are not counted).
    static func solverTimingLine() -> String {
        let total = SolverClock.processSeconds
        let solver = SolverClock.solverSeconds
        let dump = SolverClock.dumpSeconds
        let outside = max(0, total - solver)
        func s(_ x: Double) -> String { String(format: "%.3f s", x) }
        let share = solver > 0 ? String(format: " (%.0f%% of the solver's)", outside / solver * 100) : ""
        return
            "recovcheck: timings: \(s(total)) CPU in this process: \(s(solver)) in \(SolverClock.calls) Z3 check(s), "
            + "\(s(outside)) outside the solver\(share), of which \(s(dump)) writing --dump-smt files"
    }
}
