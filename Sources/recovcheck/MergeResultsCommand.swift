import ArgumentParser
import Foundation
import RecovCheck
import RecovGate
import RecovIR
import RecovReport

/// `recovcheck merge-results FILE...`: one report from the JSON reports of several shards.
struct MergeResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-results",
        abstract: "Merge the JSON reports of --shard runs into one SARIF, JUnit or JSON report.",
        discussion: "The exit code is that of the merged verdicts (0, 1, 2 or 3), as if one run had checked everything."
    )

    @Argument(help: "JSON reports written by `recovcheck check --shard i/n --json FILE`.")
    var files: [String] = []

    @Option(help: "Format of the merged report on standard output (text, json, sarif, junit).")
    var format: String = "json"

    @Option(help: ArgumentHelp("Also write the merged report as SARIF 2.1.0 to this file.", valueName: "file"))
    var sarif: String?

    @Option(help: ArgumentHelp("Also write the merged report as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Also write the merged JSON report to this file.", valueName: "file"))
    var json: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the JSON reports of the shards to merge") }
        if !["text", "json", "sarif", "junit"].contains(format) {
            throw ValidationError("--format must be text, json, sarif or junit")
        }
    }

    func run() throws {
        let merged = try ShardMerge.merge(files: files)
        let report = RunReport(
            results: merged.results, program: Program(), options: CheckOptions(depth: merged.depth),
            allowUnknown: merged.allowUnknown, inputs: files)
        var gate = try GateOptions.parse([])
        gate.sarif = sarif
        gate.junit = junit
        gate.json = json
        if format == "text" {
            print(TextRenderer(color: false).render(report), terminator: "")
            if let n = allowUnknownNote(report) { print(n) }
        } else {
            let text = try gate.render(report, format: format)
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
        try gate.writeFiles(report)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
