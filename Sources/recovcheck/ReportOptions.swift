import ArgumentParser
import Foundation
import RecovCheck
import RecovIR
import RecovReport

/// Files a check run writes besides its standard output: the HTML report and replayable
/// counterexamples. Used by `check` as an `@OptionGroup`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp("Write a self-contained HTML report (index.html) into this folder.", valueName: "dir"))
    var reportDirectory: String?

    @Option(
        name: .customLong("save-counterexamples"),
        help: ArgumentHelp(
            "Write each violation as a replayable <procedure>.<rule>.cex.json into this folder (see `recovcheck replay`).",
            valueName: "dir"))
    var counterexampleDirectory: String?

    /// Writes the requested files; a folder that cannot be written is a usage error (exit 2).
    func write(_ report: RunReport) throws {
        if let dir = reportDirectory {
            do {
                try HTMLReport.write(report, to: dir)
            } catch {
                throw CommandFailure(message: "cannot write the HTML report to '\(dir)': \(error.localizedDescription)")
            }
        }
        if let dir = counterexampleDirectory {
            do {
                _ = try CounterexampleFiles.write(report, to: dir)
            } catch {
                throw CommandFailure(message: "cannot write counterexamples to '\(dir)': \(error.localizedDescription)")
            }
        }
    }
}
