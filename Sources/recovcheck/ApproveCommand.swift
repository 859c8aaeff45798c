import ArgumentParser
import Foundation
import RecovCheck
import RecovGate
import RecovIR
import RecovProcess
import RecovReport

/// `recovcheck approve PATH...`: records the reviewed procedures in the lock file.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Check the procedures and record them as approved in the lock file.",
        discussion: """
            Every check of every procedure given must hold (or be not applicable); otherwise nothing is \
            recorded and the exit code is 1. Each entry holds the SHA-256 of the procedure's IR with its \
            model and incident, the approver, the date and the verdicts. `recovcheck check --require-approved` \
            fails when a procedure's IR no longer matches its entry.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(
        help: ArgumentHelp(
            "Who approves (default: $RECOVCHECK_APPROVER, git's user.name, or $USER).", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("The approvals lock file.", valueName: "file"))
    var lock: String = LockFile.defaultPath

    func run() async throws {
        let loaded = try await common.loadProgramWithInfo()
        let program = loaded.program
        let checker = Checker(program: program, options: common.checkOptions)
        let runner = GateRunner(
            checker: checker, parallelism: common.parallelism, cache: cacheOptions.cache,
            durations: cacheOptions.durations)
        let results = await runner.run(checker.jobs).results
        let refused = Approvals.refusals(results)
        if !refused.isEmpty {
            for p in program.procedures where refused[p.name] != nil {
                let at = "\(SourcePath.relative(p.loc.file)):\(p.loc.line):\(p.loc.column)"
                FileHandle.standardError.write(
                    Data(
                        "\(at): error: cannot approve procedure '\(TerminalText.escape(p.name))': \(refused[p.name]!)\n"
                            .utf8))
            }
            FileHandle.standardError.write(
                Data(
                    "recovcheck: nothing approved: every check must hold (run `recovcheck check` for the details)\n"
                        .utf8))
            throw ExitCode(1)
        }
        let before = try LockFile.read(lock)
        let after = try await Approvals.approve(
            lock: before, program: program, results: results, by: await approver(), depth: common.depth,
            sources: loaded.approvalSources)
        do { try after.write(lock) } catch {
            throw CommandFailure(message: "cannot write the lock file '\(lock)': \(error.localizedDescription)")
        }
        for p in program.procedures {
            let state = before.procedures[p.name]?.hash == after.procedures[p.name]?.hash ? "unchanged" : "approved"
            print(
                "\(state)  \(TerminalText.escape(p.name))  \(after.procedures[p.name]!.hash.prefix(12))  (\(Approvals.summary(results.filter { $0.procedure == p.name })))"
            )
        }
        print("wrote \(lock)")
    }

    func approver() async -> String {
        if let b = by, !b.isEmpty { return b }
        let env = ProcessInfo.processInfo.environment
        if let a = env["RECOVCHECK_APPROVER"], !a.isEmpty { return a }
        if let g = await gitUserName(), !g.isEmpty { return g }
        return env["USER"] ?? "unknown"
    }

    /// `git config user.name`, when git is on `PATH` and answers within 10 seconds.
    func gitUserName() async -> String? {
        guard let git = ExecutableLookup.onPath("git") else { return nil }
        let caps = ProcessRunner.Caps(seconds: 10, outputBytes: 1 << 20, keptBytes: 4096, irBytes: nil)
        guard
            let r = try? await ProcessRunner.run(
                [git, "config", "user.name"], environment: ProcessInfo.processInfo.environment,
                directory: nil, caps: caps),
            r.ending == .exited(0)
        else { return nil }
        return String(decoding: r.stdoutTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
