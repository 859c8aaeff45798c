import Foundation
import RecovCheck
import RecovGate
import RecovIR
import RecovReport
import Testing

// Golden files of every renderer (text, JSON, SARIF, JUnit, HTML, explain, `.cex.json`), rendered
// in-process from the results of a real run on the small program below: a violation whose trace
// has signers, a key rotation and state changes; a blocked step; proved checks; errors (a trigger
// that never holds); an unknown. A refactor of the renderers must keep these bytes.
//
// To regenerate the goldens after an intended change of output, run
//   RECOVCHECK_UPDATE_GOLDENS=1 swift test --filter RendererGoldenTests
// then read the diff of Tests/RecovReportTests/Goldens/ before committing it.

/// The program of the golden run, built as IR (no compiler needed). Locations are lines of an
/// imagined `specs/Golden.swift`, relative to the project root like real ones.
enum GoldenProgram {
    static func at(_ line: Int, _ column: Int = 5) -> RecovIR.SourceLocation {
        RecovIR.SourceLocation(file: "specs/Golden.swift", line: line, column: column)
    }

    static var model: Model {
        var m = Model(name: "Vault", loc: at(1, 13))
        m.state = [
            StateVar(name: "paused", type: .bool, initial: .bool(false), loc: at(2)),
            StateVar(name: "stolen", type: .int, min: 0, max: 1000, loc: at(3)),
            StateVar(name: "balance", type: .map, min: 0, max: 100, loc: at(4)),
        ]
        m.entities = ["Alpha", "Beta", "Gamma", "Standby"].enumerated().map { EntityDecl(name: $1, loc: at(5 + $0)) }
        m.keys = [
            KeyDecl(name: "k1", holder: "Alpha", loc: at(9)), KeyDecl(name: "k2", holder: "Beta", loc: at(10)),
            KeyDecl(name: "k3", holder: "Gamma", loc: at(11)),
        ]
        m.roles = [
            Role(name: "guardian", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: 2), loc: at(12)),
            Role(name: "council", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: 3), loc: at(13)),
            Role(name: "operator", rule: .key("k3"), loc: at(13, 9)),
        ]
        m.actions = [
            Action(
                name: "pause", by: ["guardian"], guardExpr: !.variable("paused"),
                effects: [Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: at(15))], loc: at(14)),
            Action(
                name: "freeze", by: ["council"], guardExpr: !.variable("paused"),
                effects: [Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: at(17))], loc: at(16)),
            Action(
                name: "rotateSeat3", by: ["guardian"],
                effects: [Effect(.rotateKey(key: "k3", entity: "Standby"), loc: at(19))], loc: at(18)),
            // One key, Gamma's: the attacker alone may skim (no-unilateral-control is violated).
            Action(
                name: "skim", by: ["operator"],
                effects: [
                    Effect(
                        .assign(target: "stolen", index: nil, value: .apply(.add, [.variable("stolen"), .int(5)])),
                        loc: at(19, 9))
                ],
                loc: at(18, 9)),
            Action(
                name: "withdraw", user: true, params: [Param(name: "amount", type: .int, min: 1, max: 10, loc: at(20))],
                guardExpr: .apply(
                    .and,
                    [!.variable("paused"), .apply(.ge, [.select("balance", .param("caller")), .param("amount")])]),
                effects: [
                    Effect(
                        .assign(
                            target: "balance", index: .param("caller"),
                            value: .apply(.sub, [.select("balance", .param("caller")), .param("amount")])), loc: at(21))
                ],
                loc: at(20)),
        ]
        m.claim = Assertion(name: "claim", expr: .select("balance", .account), loc: at(22))
        return m
    }

    static var incident: Incident {
        var i = Incident(name: "KeyLeak", model: "Vault", loc: at(24, 13))
        i.compromised = ["Gamma"]
        i.attacks = [
            Action(
                name: "drain", params: [Param(name: "amount", type: .int, min: 1, max: 50, loc: at(26))],
                effects: [
                    Effect(
                        .assign(
                            target: "stolen", index: nil,
                            value: .apply(.add, [.variable("stolen"), .param("amount")])), loc: at(27))
                ],
                live: !.variable("paused"), loc: at(25))
        ]
        return i
    }

    static func procedure(_ name: String, line: Int, trigger: Expr = .apply(.eq, [.variable("stolen"), .int(0)]))
        -> Procedure
    {
        Procedure(
            name: name, model: "Vault", incident: "KeyLeak",
            trigger: Assertion(name: "trigger", expr: trigger, loc: at(line + 1)),
            loc: at(line, 17))
    }

    static var program: Program {
        // Pauses, then rotates seat 3 away from the compromised Gamma, but declares the wrong write,
        // and pauses too late for its containment budget.
        var rotate = procedure("RotateAfterLeak", line: 30)
        rotate.steps = [
            Step(name: "pause", action: "pause", role: "guardian", within: 3600, writes: ["paused"], loc: at(32)),
            Step(
                name: "rotate", action: "rotateSeat3", role: "guardian", within: 86400, writes: ["paused"], loc: at(33)),
        ]
        rotate.containment = Assertion(name: "containment", expr: .variable("paused"), loc: at(34))
        rotate.containmentBudget = 1800
        rotate.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: at(35))
        // The council needs all three keys; Gamma's is the attacker's: the step is blocked.
        var stuck = procedure("StuckFreeze", line: 40)
        stuck.steps = [
            Step(name: "freeze", action: "freeze", role: "council", within: 600, writes: ["paused"], loc: at(42))
        ]
        stuck.containment = Assertion(name: "containment", expr: .variable("paused"), loc: at(43))
        stuck.containmentBudget = 3600
        // A trigger that never holds: the sanity check fails and every check is an error.
        var never = procedure("NeverTriggered", line: 50, trigger: .bool(false))
        never.steps = [
            Step(name: "pause", action: "pause", role: "guardian", within: 3600, writes: ["paused"], loc: at(52))
        ]
        // Declared, but its one result below is a hand-made unknown (a solver timeout).
        var unanswered = procedure("Unanswered", line: 60)
        unanswered.steps = rotate.steps
        return Program(models: [model], incidents: [incident], procedures: [rotate, stuck, never, unanswered])
    }

    static let options = CheckOptions(depth: 5, timeoutSeconds: 60)

    /// The run's results, with times zeroed (JUnit prints them).
    static let results: [CheckResult] = {
        let program = GoldenProgram.program
        let checker = Checker(program: program, options: options)
        let jobs = checker.jobs.filter { $0.procedure != "Unanswered" }
        var results = Checker.markVacuous(jobs.map { checker.run($0) })
        results.append(
            CheckResult(
                procedure: "Unanswered", rule: .noCollateralLoss, verdict: .unknown,
                message: "the solver gave up: timeout", depth: options.depth, location: at(60, 17)))
        return results.map {
            var r = $0
            r.seconds = 0
            return r
        }
    }()

    static var report: RunReport {
        RunReport(results: results, program: program, options: options, inputs: ["specs/Golden.swift"])
    }

    static func result(_ procedure: String, _ rule: Rule) -> CheckResult {
        results.first { $0.procedure == procedure && $0.rule == rule }!
    }
}

/// Compares `actual` with the golden file `name`, or rewrites it under RECOVCHECK_UPDATE_GOLDENS.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    let url = dir.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECOVCHECK_UPDATE_GOLDENS"] != nil {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
        actual == expected, "\(name) differs from its golden file (regenerate with RECOVCHECK_UPDATE_GOLDENS=1)",
        sourceLocation: sourceLocation)
}

@Suite struct RendererGoldenTests {
    @Test func theRunCoversEveryCase() {
        let rs = GoldenProgram.results
        // What the goldens are meant to show; if the engine changes these, the goldens say less.
        let rotate = GoldenProgram.result("RotateAfterLeak", .boundedIntervention)
        #expect(rotate.verdict == .violated)
        let steps = rotate.counterexample?.steps ?? []
        #expect(steps.contains { !$0.signers.isEmpty })
        #expect(steps.contains { $0.state.holders["k3"] == "Standby" })
        #expect(GoldenProgram.result("RotateAfterLeak", .noUnilateralControl).verdict == .violated)
        #expect(GoldenProgram.result("StuckFreeze", .containmentTime).verdict == .violated)
        #expect(GoldenProgram.result("StuckFreeze", .containmentTime).message.contains("cannot run at its deadline"))
        #expect(rs.contains { $0.verdict == .proved })
        #expect(rs.contains { $0.verdict == .error })
        #expect(rs.contains { $0.verdict == .unknown })
        #expect(rs.contains { $0.verdict == .notApplicable })
    }

    @Test func text() throws {
        try expectGolden(TextRenderer().render(GoldenProgram.report), "text.txt")
        try expectGolden(TextRenderer(explain: true).render(GoldenProgram.report), "text-explain.txt")
    }

    @Test func json() throws {
        try expectGolden(try JSONReport.render(GoldenProgram.report) + "\n", "report.json")
    }

    @Test func sarif() throws {
        try expectGolden(try SARIFReport.render(GoldenProgram.report) + "\n", "report.sarif")
    }

    @Test func junit() throws {
        try expectGolden(JUnitReport.render(GoldenProgram.report), "report.junit.xml")
    }

    @Test func html() throws {
        try expectGolden(HTMLReport.render(GoldenProgram.report), "report.html")
    }

    @Test func explain() throws {
        let world = { (p: String) in
            World(program: GoldenProgram.program, procedure: GoldenProgram.program.procedures.first { $0.name == p }!)!
        }
        let cases: [(String, Rule, String)] = [
            ("RotateAfterLeak", .boundedIntervention, "explain-violation.txt"),
            ("StuckFreeze", .containmentTime, "explain-blocked.txt"),
            ("RotateAfterLeak", .noUnilateralControl, "explain-unilateral.txt"),
            ("RotateAfterLeak", .noCollateralLoss, "explain-pass.txt"),
            ("NeverTriggered", .sanity, "explain-error.txt"),
        ]
        for (p, rule, file) in cases {
            try expectGolden(ExplainRenderer().render(GoldenProgram.result(p, rule), world: world(p)), file)
        }
    }

    @Test func counterexampleFiles() throws {
        for e in GoldenProgram.report.entries where e.result.verdict == .violated {
            let w = try #require(e.world)
            let file = try #require(CounterexampleFile(result: e.result, world: w, toolVersion: RunReport.toolVersion))
            try expectGolden(String(decoding: try file.encoded(), as: UTF8.self), file.fileName)
        }
    }

    /// Reports merged from shard JSON files have no program: renderers work from the results alone.
    @Test func mergedFromShards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = GoldenProgram.results
        var files: [String] = []
        for (i, part) in [all.filter { $0.procedure < "R" }, all.filter { $0.procedure >= "R" }].enumerated() {
            var shard = GoldenProgram.report
            shard.results = part
            let path = dir.appendingPathComponent("shard\(i).json").path
            try Data(try JSONReport.render(shard).utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let merged = try ShardMerge.merge(files: files)
        let report = RunReport(
            results: merged.results, program: Program(), options: CheckOptions(depth: merged.depth),
            allowUnknown: merged.allowUnknown)
        try expectGolden(TextRenderer().render(report), "merged-text.txt")
        try expectGolden(try JSONReport.render(report) + "\n", "merged-report.json")
        try expectGolden(try SARIFReport.render(report) + "\n", "merged-report.sarif")
        try expectGolden(JUnitReport.render(report), "merged-report.junit.xml")
    }
}

/// Counterexample files written before `Transition` and the trace were typed (the goldens above,
/// written by 0.2.0's encoders) read back to the same bytes and still replay.
@Suite struct SavedCounterexampleTests {
    @Test func goldenFilesRoundTripAndReplay() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".cex.json") }
            .sorted()
        #expect(names.count == 7)
        for name in names {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let file = try CounterexampleFile.read(data)
            #expect(try file.encoded() == data, "\(name) re-encodes to other bytes")
            guard case .stillViolated = CounterexampleReplay.replay(file) else {
                Issue.record("\(name) no longer replays: \(CounterexampleReplay.replay(file))")
                continue
            }
        }
    }
}
