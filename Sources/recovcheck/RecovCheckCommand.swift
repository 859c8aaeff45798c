import ArgumentParser
import Foundation
import RecovIR
import RecovLoader
import RecovCheck
import RecovReport

@main
struct RecovCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recovcheck",
        abstract: "Formal verification of DeFi incident-recovery procedures.",
        version: RunReport.toolVersion,
        subcommands: [Check.self],
        defaultSubcommand: Check.self
    )
}

/// Output formats of the main report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every procedure in the given spec files, folders or IR JSON files.",
        discussion: "Exit codes: 0 every check holds, 1 a property is violated, 2 input or usage error, 3 unknown or timeout (fail closed)."
    )

    @Argument(help: "Spec files (.swift), folders of specs, or IR files (.json).")
    var paths: [String]

    @Option(help: "Folder of model files compiled with the specs (default: models/ beside the specs).")
    var models: String?

    @Option(help: "Output format of the report on standard output.")
    var format: OutputFormat = .text

    @Option(help: "Number of transitions to unroll.")
    var depth: Int = 10

    @Option(help: "Seconds each solver call may take before its verdict is unknown (0: no limit).")
    var timeout: Double = 60

    @Option(help: "Checks to run in parallel (default: number of cores).")
    var jobs: Int?

    @Flag(help: "Let unknown verdicts pass the gate (shown in the output).")
    var allowUnknown = false

    @Flag(help: "Do not read or write the IR cache.")
    var noCache = false

    @Flag(name: .customLong("color"), inversion: .prefixedNo, help: "Colour the text output (default: only on a terminal).")
    var color: Bool?

    @Flag(help: "Show full initial states in counterexamples.")
    var explain = false

    func validate() throws {
        if depth < 0 || depth > 200 { throw ValidationError("--depth must be between 0 and 200") }
        if timeout < 0 { throw ValidationError("--timeout must not be negative") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let loader = Loader(options: LoaderOptions(modelsDirectory: models, useCache: !noCache))
        let program: Program
        do {
            program = try loader.load(paths: paths)
        } catch {
            InputErrors.report(error)
            throw ExitCode(2)
        }
        let problems = Validator().diagnose(program)
        if !problems.isEmpty {
            InputErrors.report(DiagnosticList(problems))
            throw ExitCode(2)
        }
        if program.procedures.isEmpty {
            let file = paths.first ?? "<command line>"
            InputErrors.report(Diagnostic("no procedures found in \(paths.joined(separator: ", ")): declare at least one Procedure", at: SourceLocation(file: file, line: 1, column: 1)))
            throw ExitCode(2)
        }
        let options = CheckOptions(depth: depth, timeoutSeconds: timeout)
        let checker = Checker(program: program, options: options)
        let parallelism = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let results = checker.run(checker.jobs, parallelism: parallelism)
        let report = RunReport(results: results, program: program, options: options, allowUnknown: allowUnknown, inputs: paths)
        switch format {
        case .text:
            let useColor = color ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            print(TextRenderer(color: useColor, explain: explain).render(report), terminator: "")
        case .json:
            print(try JSONReport.render(report))
        }
        let code = report.exitCode
        if code != 0 { throw ExitCode(code) }
    }
}

/// Prints input errors in the compiler's `file:line:column: error:` form on standard error.
enum InputErrors {
    static func report(_ error: Error) {
        let text: String
        switch error {
        case let d as Diagnostic: text = d.description
        case let l as DiagnosticList: text = l.description
        default: text = "recovcheck: error: \(error)"
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
