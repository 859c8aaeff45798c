import Foundation
import RecovTestSupport
import Testing

/// The HTML report, replayable counterexample files and `explain`, through the real `recovcheck`
/// binary on a flawed copy of the shipped lending-pool spec: a guardian any one firm can satisfy
/// (no-unilateral-control), a pause nobody lifts (bounded-intervention), and an invariant whose
/// name needs HTML escaping.
@Suite(.serialized) struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hostileName = "<script>alert('x')</script> & \"q\""

    struct Run {
        let code: Int32
        let out: String
        let err: String
    }

    static func recovcheck(_ args: [String], in dir: URL? = nil) async throws -> Run {
        let r = try await Recovcheck.run(args, cwd: (dir ?? root).path)
        return Run(code: r.status, out: r.stdout, err: r.stderr)
    }

    /// A temp folder with models/ and specs/LendingPause.swift, optionally made flawed.
    static func workspace(flawed: Bool) throws -> URL {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent(
            "recovcheck-report-\(flawed ? "flawed" : "fixed")-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
        try fm.copyItem(at: root.appendingPathComponent("models"), to: dir.appendingPathComponent("models"))
        try fm.copyItem(
            at: root.appendingPathComponent("specs/LendingPause.swift"),
            to: dir.appendingPathComponent("specs/LendingPause.swift"))
        guard flawed else { return dir }
        let model = dir.appendingPathComponent("models/LendingPool.swift")
        var m = try String(contentsOf: model, encoding: .utf8)
        let before = m
        m = m.replacingOccurrences(of: "threshold: 2, of: [g1, g2, g3]", with: "threshold: 1, of: [g1, g2, g3]")
        #expect(m != before, "guardian threshold not found in models/LendingPool.swift")
        m += "\nlet hostileInvariant = Invariant(\(swiftLiteral(hostileName)), stolen >= 0)\n"
        try m.write(to: model, atomically: true, encoding: .utf8)
        // Attach the hostile invariant to the procedure and drop the step that ends the pause.
        let spec = dir.appendingPathComponent("specs/LendingPause.swift")
        var lines = try String(contentsOf: spec, encoding: .utf8).components(separatedBy: "\n")
        if let i = lines.firstIndex(where: { $0.contains("Step(") && $0.lowercased().contains("unpause\"") }),
            let end = lines[i...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "}" })
        {
            lines.removeSubrange(i...end)
        } else {
            Issue.record("no unpause step in specs/LendingPause.swift")
        }
        if let w = lines.firstIndex(where: { $0.contains("Window(") }) { lines.insert("    hostileInvariant", at: w) }
        try lines.joined(separator: "\n").write(to: spec, atomically: true, encoding: .utf8)
        return dir
    }

    static func swiftLiteral(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One check of the flawed copy, shared by the tests: report and counterexamples written.
    struct Flawed {
        let dir: URL
        let run: Run
    }
    nonisolated(unsafe) static var cached: Flawed?
    static func flawedRun() async throws -> Flawed {
        if let c = cached { return c }
        let dir = try workspace(flawed: true)
        let run = try await recovcheck(
            ["check", "specs", "--models", "models", "--report", "report", "--save-counterexamples", "cex"], in: dir)
        let f = Flawed(dir: dir, run: run)
        cached = f
        return f
    }

    @Test func htmlReportHasSummaryViolationsAndTimeline() async throws {
        let f = try await Self.flawedRun()
        #expect(f.run.code == 1, "expected violations (exit 1): \(f.run.out) \(f.run.err)")
        let html = try String(contentsOf: f.dir.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("id=\"summary-table\""))
        #expect(html.contains("<section class=\"violation\""))
        #expect(html.contains("<tr class=\"step"))
        #expect(html.contains("no-unilateral-control") && html.contains("bounded-intervention"))
        #expect(html.contains("Entities and keys involved"))
        #expect(html.contains("guardian-"), "keys of the coalition are named")
        #expect(html.contains("LendingPause.swift:"), "steps link to file:line")
        // Self-contained: no scripts, no external assets.
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    }

    @Test func htmlReportEscapesNames() async throws {
        let f = try await Self.flawedRun()
        let html = try String(contentsOf: f.dir.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"),
            "the invariant's name appears escaped")
        #expect(!html.contains(Self.hostileName))
    }

    @Test func counterexampleFilesReplayStillViolated() async throws {
        let f = try await Self.flawedRun()
        let cex = f.dir.appendingPathComponent("cex")
        let names = try FileManager.default.contentsOfDirectory(atPath: cex.path).sorted()
        #expect(names.contains("PauseOnExploit.no-unilateral-control.cex.json"))
        #expect(names.contains("PauseOnExploit.bounded-intervention.cex.json"))
        let doc =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: cex.appendingPathComponent("PauseOnExploit.bounded-intervention.cex.json")))
            as? [String: Any]
        #expect(doc?["format"] as? String == "recovcheck-counterexample")
        #expect(doc?["formatVersion"] as? Int == 1)
        #expect(doc?["toolVersion"] is String)
        #expect(
            doc?["procedureIR"] is [String: Any] && doc?["model"] is [String: Any] && doc?["incident"] is [String: Any])
        #expect((doc?["transitions"] as? [Any])?.isEmpty == false)
        #expect(doc?["rule"] as? String == "bounded-intervention")
        let r = try await Self.recovcheck(["replay"] + names.map { "cex/" + $0 }, in: f.dir)
        #expect(r.code == 1, "\(r.out) \(r.err)")
        #expect(r.out.components(separatedBy: "still violated").count - 1 == names.count, "\(r.out)")
    }

    @Test func replayAgainstFixedSpecsIsFixed() async throws {
        let f = try await Self.flawedRun()
        let fixed = try Self.workspace(flawed: false)
        defer { try? FileManager.default.removeItem(at: fixed) }
        for rule in ["no-unilateral-control", "bounded-intervention"] {
            let file = f.dir.appendingPathComponent("cex/PauseOnExploit.\(rule).cex.json").path
            let r = try await Self.recovcheck(["replay", file, "--against", "specs", "--models", "models"], in: fixed)
            #expect(r.code == 0, "\(rule): \(r.out) \(r.err)")
            #expect(r.out.contains("no longer reproduces: fixed"), "\(rule): \(r.out)")
            // The flawed specs still reproduce it.
            let again = try await Self.recovcheck(
                ["replay", file, "--against", "specs", "--models", "models"], in: f.dir)
            #expect(again.code == 1 && again.out.contains("still violated"), "\(rule): \(again.out) \(again.err)")
        }
    }

    @Test func replayRejectsOtherFiles() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-bad-\(UUID().uuidString).json")
        try Data("{\"format\": \"something else\"}".utf8).write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Self.recovcheck(["replay", dir.path])
        #expect(r.code == 2)
        #expect(r.out.contains("does not replay"))
    }

    @Test func explainShowsFullTraceGuardsRolesAndBounds() async throws {
        let f = try await Self.flawedRun()
        let r = try await Self.recovcheck(
            [
                "explain", "specs", "--models", "models", "--procedure", "PauseOnExploit", "--rule",
                "bounded-intervention",
            ], in: f.dir)
        #expect(r.code == 1, "\(r.out) \(r.err)")
        for needle in [
            "step 0: initial state", "step 1:", "trigger: (stolen > 0) = true", "guard: !paused = true",
            "role: 'guardian' = multisig",
            "timing:", "bound: MaxDuration(paused", "state:", "poolCash = ", "keys: guardian-1 held by", "violation: ",
        ] {
            #expect(r.out.contains(needle), "explain output lacks \(needle):\n\(r.out)")
        }
        let bad = try await Self.recovcheck(
            ["explain", "specs", "--models", "models", "--procedure", "PauseOnExploit", "--rule", "nope"], in: f.dir)
        #expect(bad.code == 2)
    }
}
