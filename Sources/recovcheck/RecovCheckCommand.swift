import ArgumentParser
import CSpawn
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
        keepLargeAllocationsInTheHeap()
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

    /// Every Z3 context allocates two 8.5 MB tables and fills them. glibc served allocations that
    /// large with a fresh `mmap`, and returned freed memory at a heap's top, so each context (a
    /// check's sanity run, its property run, its proofs) faulted 17 MB of new pages in again: about
    /// 5 ms of a 6 ms context. Kept in the heap, a context reuses the memory an earlier one freed
    /// whenever it runs on the same malloc arena (a check's next thread usually takes over the
    /// finished one's). Only where blocks come from changes.
    static func keepLargeAllocationsInTheHeap() {
        _ = recov_keep_large_allocations_in_heap()
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
