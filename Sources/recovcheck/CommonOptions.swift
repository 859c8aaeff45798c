import ArgumentParser
import Foundation
import RecovCheck
import RecovIR
import RecovLoader
import RecovReport

/// Where specs come from and how deep and long to check them; shared by the subcommands.
struct CommonOptions: ParsableArguments {
    @Argument(help: "Spec files (.swift), folders of specs, or IR files (.json).")
    var paths: [String] = []

    @Option(help: "Folder of model files compiled with the specs (default: models/ beside the specs).")
    var models: String?

    @Option(help: "Number of transitions to unroll.")
    var depth: Int = 10

    @Option(help: "Seconds each solver call may take before its verdict is unknown (0: no limit).")
    var timeout: Double = 60

    @Option(help: "Checks to run in parallel (default: number of cores).")
    var jobs: Int?

    @Option(help: "Seconds a spec program may run before it is stopped.")
    var specTimeout: Double = 60

    @Flag(help: "Do not read or write the compiled-IR cache.")
    var noIrCache = false

    @Option(
        help: ArgumentHelp(
            "Isolate the compiled spec program: required (fail if the bubblewrap sandbox cannot start), auto (sandbox when possible, else say so), off (docs/security.md).",
            valueName: "required|auto|off"))
    var sandbox: SandboxMode = .auto

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp("Check only this rule (repeatable); sanity always runs too.", valueName: "rule-id"))
    var rules: [Rule] = []

    @Flag(help: "Show how long each check took (text output).")
    var timings = false

    @Flag(name: [.customShort("q"), .long], help: "Print no progress on standard error.")
    var quiet = false

    @Option(help: .hidden)
    var authorityEncoding: AuthorityEncoding = .structured

    @Flag(help: "Bounded checking only: do not try to prove passing checks for every depth (k-induction).")
    var noProofs = false

    func validate() throws {
        if depth < 0 || depth > 200 { throw ValidationError("--depth must be between 0 and 200") }
        if timeout < 0 { throw ValidationError("--timeout must not be negative") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if specTimeout <= 0 { throw ValidationError("--spec-timeout must be positive") }
    }

    var checkOptions: CheckOptions {
        var o = CheckOptions(depth: depth, timeoutSeconds: timeout, authorityEncoding: authorityEncoding)
        o.proofs = !noProofs
        return o
    }

    /// The jobs of the rules asked for with `--rule` (all when none were), always with sanity.
    func selectRules(_ jobs: [CheckJob]) -> [CheckJob] {
        Checker.select(rules: rules, from: jobs)
    }

    var parallelism: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Loads and validates the program; input errors are thrown (`Diagnostic`, `DiagnosticList`) for the command to print.
    /// `progress` (its live line) is cleared before any error is printed.
    func loadProgram(progress: ProgressReporter? = nil) async throws -> Program {
        try await loadProgramWithInfo(progress: progress).program
    }

    /// Like `loadProgram`, also telling whether the IR came from the IR cache, its key, how the
    /// spec program was isolated and what it was compiled from.
    func loadProgramWithInfo(progress: ProgressReporter? = nil) async throws -> LoadResult {
        guard !paths.isEmpty else {
            throw ValidationError("give at least one spec file, folder or IR file (e.g. recovcheck specs/)")
        }
        let loader = Loader(
            options: LoaderOptions(
                modelsDirectory: models, useCache: !noIrCache, specTimeout: specTimeout, sandbox: sandbox))
        let loaded: LoadResult
        do {
            loaded = try await loader.loadWithInfo(paths: paths)
        } catch {
            progress?.stop()
            throw error
        }
        let problems = Validator().diagnose(loaded.program)
        if !problems.isEmpty {
            progress?.stop()
            throw DiagnosticList(problems)
        }
        if loaded.program.procedures.isEmpty {
            progress?.stop()
            throw Diagnostic(
                "no procedures found in \(paths.joined(separator: ", ")): declare at least one Procedure",
                at: SourceLocation(file: paths[0], line: 1, column: 1))
        }
        return loaded
    }
}

extension Rule: ExpressibleByArgument {}
extension SandboxMode: ExpressibleByArgument {}
extension AuthorityEncoding: ExpressibleByArgument {}
