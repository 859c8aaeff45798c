import ArgumentParser
import Foundation
import RecovReport

@main
struct RecovCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recovcheck",
        abstract: "Formal verification of DeFi incident-recovery procedures.",
        discussion:
            "Exit codes: 0 every check holds, 1 a property is violated, 2 input or usage error, 3 unknown or timeout (fail closed).",
        version: RunReport.toolVersion,
        subcommands: [
            CheckCommand.self, ReplayCommand.self, ExplainCommand.self,
            ApproveCommand.self, MergeResultsCommand.self, InitCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command. Usage errors exit 2 (the project's convention) instead of 64; every other
    /// error a subcommand throws is printed here, once, by `ErrorPrinter`. No code below this exits.
    static func main() async {
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exitForParserError(error) }
        do {
            if var checking = command as? AsyncParsableCommand {
                try await checking.run()  // check and approve run their checks in a task group
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error where error is ValidationError || error is CleanExit || exitCode(for: error) == .success {
            // `--help` parses to ArgumentParser's help command, whose run() throws the request.
            exitForParserError(error)
        } catch {
            ErrorPrinter.print(error)
            Foundation.exit(ErrorPrinter.exitCode(for: error))
        }
    }

    /// ArgumentParser's message for a parsing or validation error (or help), and its exit code
    /// with 64 (usage) mapped to 2.
    static func exitForParserError(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        let message = fullMessage(for: error)
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        Foundation.exit(code.rawValue == ExitCode.validationFailure.rawValue ? 2 : code.rawValue)
    }
}
