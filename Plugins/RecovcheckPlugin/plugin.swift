import Foundation
import PackagePlugin

/// `swift package recovcheck [args]`: builds recovcheck and runs it in the package's folder.
/// Without spec paths among the arguments it checks `specs/`. The result cache goes to the
/// plugin's work folder unless `--cache-dir` or `--no-cache` is given. The tool's exit code
/// (0 pass, 1 violated, 2 input error, 3 unknown) becomes the command's failure.
@main
struct RecovcheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "recovcheck")
        var args = arguments
        let subcommands: Set<String> = ["check", "approve", "merge-results", "replay", "explain", "init", "help"]
        let isCheck = args.first.map { !subcommands.contains($0) || $0 == "check" } ?? true
        if isCheck {
            if !args.contains("--cache-dir") && !args.contains("--no-cache") {
                args += ["--cache-dir", context.pluginWorkDirectoryURL.appendingPathComponent("cache").path]
            }
            if !hasPath(args) { args.append("specs") }
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = args
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            Diagnostics.error("recovcheck exited with status \(process.terminationStatus)")
            throw PluginFailure(status: process.terminationStatus)
        }
    }

    /// Whether any argument is a spec path (not an option or an option's value).
    func hasPath(_ args: [String]) -> Bool {
        // Every option of the command line that takes a value (`--rule X`, `--save-counterexamples DIR`, ...).
        let valued: Set<String> = [
            "--models", "--depth", "--timeout", "--jobs", "--spec-timeout", "--format", "--sarif", "--junit",
            "--json", "--budget", "--cache-dir", "--lock", "--redact-file", "--shard", "--by", "--report",
            "--rule", "--save-counterexamples", "--dump-smt", "--authority-encoding", "--procedure", "--against",
        ]
        var skip = false
        for a in args {
            if skip {
                skip = false
                continue
            }
            if a == "check" { continue }
            if valued.contains(a) {
                skip = true
                continue
            }
            if a.hasPrefix("-") { continue }
            return true
        }
        return false
    }
}

struct PluginFailure: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "recovcheck failed (exit \(status))" }
}
