import Foundation
import RecovTestSupport
import Testing

/// The bad-input catalog: every case runs the real `recovcheck` binary and must end with a
/// one-line `file:line:col: error:` message naming the file, exit 2, and never a crash
/// (exit >= 128 or a signal), a hang or a pass.
private let bad: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/bad").path

/// The `recovcheck` binary built beside this test bundle.
func recovcheckBinary() throws -> String { try Recovcheck.binary() }

/// Runs recovcheck with `args` (in a temporary folder unless `cwd` says otherwise), killing it after `limit` seconds.
func runRecovcheck(_ args: [String], limit: Double = 240, cwd: String? = nil) async throws -> RunOutput {
    // Run outside the checkout so no result cache is read from or written into it.
    try await Recovcheck.run(args, cwd: cwd ?? NSTemporaryDirectory(), limit: limit)
}

/// Asserts the bad-input contract; `mentions` must appear in the error line (the file, usually).
func expectInputError(_ r: RunOutput, mentions: String, line: Int? = nil, _ what: String) {
    #expect(!r.timedOut, "\(what): hung")
    #expect(!r.signaled && r.status < 128, "\(what): crashed with status \(r.status)\n\(r.stderr)")
    #expect(r.status == 2, "\(what): exit \(r.status), expected 2\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
    let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(!errors.isEmpty, "\(what): no 'file:line:col: error:' line\nstderr: \(r.stderr)\nstdout: \(r.stdout)")
    guard let first = errors.first else { return }
    #expect(
        first.wholeMatch(of: /.+:\d+:\d+: error: .+/) != nil, "\(what): not in file:line:col: error: form: \(first)")
    #expect(first.contains(mentions), "\(what): error does not mention \(mentions): \(first)")
    if let line { #expect(first.contains(":\(line):"), "\(what): error is not at line \(line): \(first)") }
}

@Suite(.serialized) struct BadInputTests {
    static let jsonCases: [(file: String, mentions: String, line: Int?)] = [
        ("no-procedures.json", "no-procedures.json", nil),
        ("unknown-role.json", "Bad.swift", 32),
        ("duplicate-names.json", "Bad.swift", 7),
        ("threshold-above-keys.json", "Bad.swift", 10),
        ("threshold-zero.json", "Bad.swift", 10),
        ("negative-delay.json", "Bad.swift", 32),
        ("contradictory-assumptions.json", "Bad.swift", nil),
        ("enormous-literal.json", "Bad.swift", 13),
        ("enormous-bound.json", "Bad.swift", 3),
        ("deeply-nested.json", "Bad.swift", 13),
        ("version-99.json", "version-99.json", 1),
        ("unknown-action.json", "Bad.swift", 32),
        ("role-cycle.json", "Bad.swift", nil),
        ("ill-typed-guard.json", "Bad.swift", 11),
        ("unknown-operator.json", "unknown-operator.json", nil),
        ("wrong-arity.json", "Bad.swift", 11),
        ("negative-budget.json", "Bad.swift", nil),
        ("within-before-after.json", "Bad.swift", 32),
        ("incident-unknown-model.json", "Bad.swift", 20),
        ("type-mismatch.json", "type-mismatch.json", nil),
        ("malformed.json", "malformed.json", 1),
        ("empty.json", "empty.json", nil),
        ("binary.json", "binary.json", nil),
        ("not-json-array.json", "not-json-array.json", nil),
        ("huge-number.json", "huge-number.json", nil),
        ("deeply-nested-json.json", "deeply-nested-json.json", nil),
    ]

    @Test(arguments: jsonCases.indices)
    func badIRFile(_ i: Int) async throws {
        let c = Self.jsonCases[i]
        let r = try await runRecovcheck([bad + "/" + c.file, "--depth", "3", "--timeout", "20"])
        expectInputError(r, mentions: c.mentions, line: c.line, c.file)
    }

    @Test func specThatDoesNotCompile() async throws {
        let r = try await runRecovcheck([bad + "/compile-error", "--no-ir-cache"])
        expectInputError(r, mentions: "Broken.swift", line: 4, "compile error")
    }

    /// A step's constant argument outside its parameter's range is an input error at the step,
    /// not a blocked step (red-team round 2, 2026-12-03).
    @Test func stepArgumentOutsideItsParameterRange() async throws {
        let r = try await runRecovcheck([bad + "/arg-out-of-range"])
        expectInputError(r, mentions: "argument 'amount' = 5000 is outside the range 1...1000", line: 30, "arg range")
    }

    @Test func specWithNoProcedures() async throws {
        let r = try await runRecovcheck([bad + "/no-procedures", "--no-ir-cache"])
        expectInputError(r, mentions: "no-procedures", "no procedures")
    }

    @Test func specProgramThatCrashes() async throws {
        let r = try await runRecovcheck([bad + "/crash", "--no-ir-cache"])
        expectInputError(r, mentions: "Crash.swift", "crashing spec")
    }

    /// Only the 3 s spec timeout ends this run; a hang would hit the runner's limit (then
    /// `expectInputError` fails: the run was killed, not an input error).
    @Test func specProgramThatLoops() async throws {
        let r = try await runRecovcheck([bad + "/loops", "--no-ir-cache", "--spec-timeout", "3"], limit: 600)
        expectInputError(r, mentions: "Forever.swift", "looping spec")
    }

    @Test func binarySpecFile() async throws {
        let r = try await runRecovcheck([bad + "/binary-spec", "--no-ir-cache"])
        expectInputError(r, mentions: "Binary.swift", "binary spec")
    }

    @Test func specPrintingToStdoutStillWorks() async throws {
        let r = try await runRecovcheck([bad + "/prints", "--no-ir-cache", "--format", "json", "--depth", "3"])
        #expect(!r.signaled && !r.timedOut)
        #expect(r.status == 0 || r.status == 1, "exit \(r.status): \(r.stderr)")
        #expect(!r.stdout.contains("hello from the spec"), "the spec's own output leaked into the report")
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil,
            "stdout is not the JSON report: \(r.stdout.prefix(300))")
    }

    @Test func emptyFolder() async throws {
        let dir = NSTemporaryDirectory() + "recovcheck-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        expectInputError(try await runRecovcheck([dir]), mentions: dir, "empty folder")
    }

    @Test func missingPath() async throws {
        expectInputError(try await runRecovcheck([bad + "/does-not-exist"]), mentions: "does-not-exist", "missing path")
    }

    @Test func unsupportedFileKind() async throws {
        expectInputError(
            try await runRecovcheck([bad + "/compile-error/Broken.swift.txt"]), mentions: "Broken.swift.txt",
            "missing .txt")
        let f = NSTemporaryDirectory() + "recovcheck-\(UUID().uuidString).txt"
        try "hello".write(toFile: f, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: f) }
        expectInputError(try await runRecovcheck([f]), mentions: f, "a .txt file")
    }

    @Test func folderNamedLikeJSON() async throws {
        let dir = NSTemporaryDirectory() + "recovcheck-\(UUID().uuidString).json"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        expectInputError(try await runRecovcheck([dir]), mentions: dir, "folder named .json")
    }

    /// Issue 12: an error about a file is one clean `path:1:1: error: message` line, not
    /// `recovcheck: error: path:1:1: error: message`; the message carries no location of its own.
    @Test func gateErrorsAreOneCleanLine() async throws {
        let notAReport = bad + "/malformed.json"
        let r = try await runRecovcheck(["merge-results", notAReport])
        expectInputError(r, mentions: notAReport + ":1:1: error: not a recovcheck JSON report", "merge of a non-report")
        #expect(!r.stderr.contains("recovcheck: error:") && !r.stderr.contains("error: error:"), "\(r.stderr)")
        let missing = try await runRecovcheck(["merge-results", bad + "/does-not-exist.json"])
        expectInputError(
            missing, mentions: "does-not-exist.json:1:1: error: cannot read the file", "merge of a missing file")
    }

    @Test func noArguments() async throws {
        let r = try await runRecovcheck([])
        #expect(r.status == 2 && !r.signaled, "exit \(r.status)")
    }

    @Test func badOptions() async throws {
        for args in [
            ["--depth", "-1"], ["--jobs", "0"], ["--timeout", "-3"], ["--depth", "99999999999999999999"],
            ["--spec-timeout", "0"],
        ] {
            let r = try await runRecovcheck([bad + "/no-procedures.json"] + args)
            #expect(r.status == 2 && !r.signaled, "\(args): exit \(r.status)")
        }
    }
}

/// `--help` (root and subcommand) prints ArgumentParser's help on standard output and exits 0; it
/// once printed "recovcheck: error: CommandError(…helpRequested…)" from the command's error printer.
@Test(arguments: [["--help"], ["check", "--help"], ["help", "replay"]])
func helpPrintsHelp(_ args: [String]) async throws {
    let run = try await runRecovcheck(args)
    #expect(run.status == 0, "\(args): exit \(run.status): \(run.stderr)")
    #expect(run.stdout.contains("OVERVIEW:"), "\(args): \(run.stdout)")
    #expect(run.stdout.contains("USAGE:"))
    #expect(!run.stderr.contains("CommandError"))
}
