import ArgumentParser
import Foundation
import RecovReport

@main
struct RecovCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recovcheck",
        abstract: "Formal verification of DeFi incident-recovery procedures.",
        discussion: "Exit codes: 0 every check holds, 1 a property is violated, 2 input or usage error, 3 unknown or timeout (fail closed).",
        version: RunReport.toolVersion,
        subcommands: [CheckCommand.self, ReplayCommand.self, ExplainCommand.self,
                      ApproveCommand.self, MergeResultsCommand.self, InitCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command; usage errors exit 2 (the project's convention) instead of 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code.rawValue == ExitCode.validationFailure.rawValue ? 2 : code.rawValue)
        }
    }
}
