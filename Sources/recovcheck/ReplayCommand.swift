import ArgumentParser
import Foundation
import RecovCheck
import RecovIR
import RecovLoader

/// `recovcheck replay FILE... [--against PATH...]`: re-executes saved counterexamples on the
/// concrete evaluator and re-checks their property, so a fixed flaw stays fixed.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay saved counterexamples (.cex.json) on the concrete evaluator.",
        discussion: """
            Each file is replayed on the IR saved in it, or with --against on the current IR of the same \
            procedure loaded from the given specs. Exit codes: 0 every file no longer reproduces (fixed), \
            1 some violation is still there, 2 some file does not replay (or a usage error).
            """
    )

    @Argument(help: "Counterexample files written by --save-counterexamples.")
    var files: [String] = []

    @Option(
        parsing: .upToNextOption,
        help: "Replay on the current IR of these spec files, folders or IR files instead of the IR saved in each file.")
    var against: [String] = []

    @Option(help: "Folder of model files compiled with the --against specs (default: models/ beside the specs).")
    var models: String?

    @Option(help: "Seconds a spec program may run before it is stopped.")
    var specTimeout: Double = 60

    func validate() throws {
        if files.isEmpty {
            throw ValidationError(
                "give at least one counterexample file (e.g. recovcheck replay cex/PauseOnExploit.no-unilateral-control.cex.json)"
            )
        }
    }

    func run() async throws {
        var program: Program?
        if !against.isEmpty {
            program = try await Loader(
                options: LoaderOptions(modelsDirectory: models, useCache: true, specTimeout: specTimeout)
            ).load(paths: against)
            let problems = Validator().diagnose(program!)
            if !problems.isEmpty { throw DiagnosticList(problems) }
        }
        var worst: Int32 = 0
        for path in files {
            let outcome: ReplayOutcome
            var header = ""
            do {
                let file = try CounterexampleFile.read(try Data(contentsOf: URL(fileURLWithPath: path)))
                header = " (\(file.procedure), \(file.rule.rawValue))"
                outcome = CounterexampleReplay.replay(file, against: program)
                if case .stillViolated(let now) = outcome, now != file.summary {
                    print(TerminalText.escape("\(path)\(header): note: the summary changed; saved: \(file.summary)"))
                }
            } catch let p as ReplayError {
                outcome = .doesNotReplay(p.description)
            } catch {
                outcome = .doesNotReplay("cannot read the file: \(error.localizedDescription)")
            }
            switch outcome {
            case .stillViolated(let summary): print(TerminalText.escape("\(path)\(header): still violated: \(summary)"))
            case .fixed(let why): print(TerminalText.escape("\(path)\(header): no longer reproduces: fixed (\(why))"))
            case .doesNotReplay(let why): print(TerminalText.escape("\(path)\(header): does not replay: \(why)"))
            }
            let code = outcome.exitCode
            if code == 2 || (code == 1 && worst == 0) { worst = code }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
