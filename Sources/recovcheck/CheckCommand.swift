import ArgumentParser
import Foundation
import RecovIR
import RecovCheck
import RecovReport

/// Output formats of the report on standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `recovcheck [check] PATH...`: the main job.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every procedure in the given spec files, folders or IR JSON files."
    )

    @OptionGroup var common: CommonOptions

    @OptionGroup var reportFiles: ReportOptions

    @Option(help: "Format of the report on standard output.")
    var format: OutputFormat = .text

    @Flag(help: "Let unknown verdicts pass the gate (shown in the output).")
    var allowUnknown = false

    @Flag(name: .customLong("color"), inversion: .prefixedNo, help: "Colour the text output (default: only on a terminal).")
    var color: Bool?

    @Flag(help: "Show full initial states in counterexamples.")
    var explain = false

    func run() throws {
        let program = try common.loadProgram()
        let options = common.checkOptions
        let checker = Checker(program: program, options: options)
        let jobs = checker.jobs
        let results = checker.run(jobs, parallelism: common.parallelism)
        let report = RunReport(results: results, program: program, options: options, allowUnknown: allowUnknown, inputs: common.paths)
        try reportFiles.write(report)
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
