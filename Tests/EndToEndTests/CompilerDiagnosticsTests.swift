import Foundation
import RecovTestSupport
import Testing

/// A spec that does not compile: the user reads swiftc's own errors, each with its source snippet
/// and caret, at the spec's path relative to the project root, and nothing of the DSL's insides
/// (its hidden `file:line:column:` parameters, its interface, machine paths).
@Suite struct CompilerDiagnosticsTests {
    /// (line, column, message) of every mistake in Fixtures/compile-mistakes/Mistakes.swift.
    static let expected: [(line: Int, column: Int, message: String)] = [
        (9, 30, "cannot convert value of type 'Range<Int>' to expected argument type 'ClosedRange<Int>'"),
        (10, 26, "incorrect argument label in call (have '_:thresold:of:', expected '_:threshold:of:')"),
        (11, 36, "missing argument for parameter 'threshold' in call"),
        (20, 36, "cannot find 'admn' in scope"),
        (23, 51, "cannot convert value of type 'Double' to expected argument type 'Int'"),
        (
            26, 9,
            "incorrect argument labels in call (have '_:actoin:by:within:_:', expected '_:action:by:after:within:args:_:')"
        ),
        (29, 30, "missing argument for parameter 'by' in call"),
        (32, 11, "extra argument in call"),
        (34, 36, "incorrect argument label in call (have '_:modle:incident:_:', expected '_:model:incident:_:')"),
    ]

    @Test func typicalMistakesReadLikeSwiftErrors() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compile-mistakes/Mistakes.swift")
        let project = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-mistakes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("specs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        let source = try String(contentsOf: fixture, encoding: .utf8)
        try source.write(to: project.appendingPathComponent("specs/Mistakes.swift"), atomically: true, encoding: .utf8)
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)

        let r = try await runRecovcheck(["specs", "--no-ir-cache"], cwd: project.path)
        #expect(r.status == 2, "exit \(r.status)\n\(r.stderr)")
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout)")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // One headline per mistake, in the compiler's form, at the user's path; nothing else.
        let headlines = lines.filter { $0.contains(": error: ") }
        #expect(
            headlines == Self.expected.map { "specs/Mistakes.swift:\($0.line):\($0.column): error: \($0.message)" },
            "\(r.stderr)")

        for m in Self.expected {
            guard let at = lines.firstIndex(of: "specs/Mistakes.swift:\(m.line):\(m.column): error: \(m.message)")
            else { continue }
            // Under it, swiftc's snippet: the offending source line, then the caret at its column.
            let snippet = lines[(at + 1)...].prefix { !$0.isEmpty }
            let sourceLine = "\(m.line) | \(sourceLines[m.line - 1])"
            guard let shown = snippet.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == sourceLine })
            else {
                Issue.record("line \(m.line): no source line in the snippet:\n\(snippet.joined(separator: "\n"))")
                continue
            }
            let caret = snippet[shown + 1]
            #expect(caret.hasSuffix("`- error: \(m.message)"), "line \(m.line): caret line: \(caret)")
            // The caret sits under column `m.column` of the source line (both after the "NN | " gutter).
            let gutter = snippet[shown].range(of: " | ")!.upperBound
            let offset = snippet[shown].distance(from: snippet[shown].startIndex, to: gutter)
            let caretColumn = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "`")!) - offset + 1
            #expect(
                caretColumn == m.column,
                "line \(m.line): caret at column \(caretColumn)\n\(snippet.joined(separator: "\n"))")
        }

        // Notes about the DSL's declarations say so, with the user's labels only.
        #expect(lines.contains("note: 'multisig(_:threshold:of:)' declared in RecovDSL"), "\(r.stderr)")
        #expect(lines.contains("note: 'init(_:action:by:after:within:args:_:)' declared in RecovDSL"), "\(r.stderr)")

        // Nothing of the DSL's insides, no doubled prefix, no machine path.
        for leak in [
            "file:", "line:", "column:", "#filePath", "#line", "String = ", "RecovDSL.Step", "RecovDSL.Role",
            "trailing closure passed", "recovcheck: error:", ": error: error:", "warning:", project.path, ".cache",
        ] {
            #expect(!r.stderr.contains(leak), "stderr shows '\(leak)':\n\(r.stderr)")
        }
    }

    /// Errors the spec program itself reports (a declaration the DSL rejects, a procedure never
    /// created) are at the same project-relative path as the compiler's, not at the machine path.
    @Test func errorsOfTheSpecProgramAreAtTheProjectRelativePath() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-relpath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("specs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        let model = """
            import RecovDSL
            let paused = Flag("paused", initial: false)
            let e1 = Entity("One"), e2 = Entity("Two")
            let k1 = Key("k1", heldBy: e1), k2 = Key("k2", heldBy: e2)
            let guardian = Role.multisig("guardian", threshold: 2, of: [k1, k2])
            let m = Model("M") {
                State(paused)
                Entities(e1, e2)
                Keys(k1, k2)
                Roles(guardian)
                Action("pause", by: guardian) { Require(!paused); Assign(paused, true) }
            }
            let inc = Incident("I", model: m) { Attack("poke", while: !paused) { Assign(paused, false) } }

            """
        let twoTriggers =
            model + """
                let p = Procedure("P", model: m, incident: inc) {
                    Trigger(!paused); Trigger(!paused)
                    Step("pause", action: "pause", by: guardian, within: 3600) { Writes(paused) }
                }

                """
        try twoTriggers.write(
            to: project.appendingPathComponent("specs/Twice.swift"), atomically: true, encoding: .utf8)
        let r = try await runRecovcheck(["specs", "--no-ir-cache", "--no-cache"], cwd: project.path)
        #expect(r.status == 2, "exit \(r.status)\n\(r.stderr)")
        #expect(
            r.stderr.split(separator: "\n").contains {
                $0.hasPrefix("specs/Twice.swift:15:")
                    && $0.hasSuffix(": error: procedure 'P' has more than one Trigger")
            },
            "\(r.stderr)")
        #expect(!r.stderr.contains(project.path), "\(r.stderr)")

        let uncalled =
            model + """
                func never() -> Procedure {
                    Procedure("Q", model: m, incident: inc) {
                        Trigger(!paused)
                        Step("pause", action: "pause", by: guardian, within: 3600) { Writes(paused) }
                    }
                }

                """
        try uncalled.write(to: project.appendingPathComponent("specs/Twice.swift"), atomically: true, encoding: .utf8)
        let u = try await runRecovcheck(["specs", "--no-ir-cache", "--no-cache"], cwd: project.path)
        #expect(u.status == 2, "exit \(u.status)\n\(u.stderr)")
        #expect(u.stderr.contains("specs/Twice.swift:15:5: error: this procedure is never created"), "\(u.stderr)")
        #expect(!u.stderr.contains(project.path), "\(u.stderr)")
    }
}
