import Foundation
import RecovTestSupport
import Testing

// End-to-end: runs the real `recovcheck` binary (built beside the test bundle) on the shipped
// specs, which must all pass, and on each flawed fixture, which must violate exactly the rule
// it was written to break, with a replayed counterexample and exit code 1.

/// The repository root, from this file's path (Tests/EndToEndTests/ShippedSpecsTests.swift).
private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String
}

private func runRecovcheck(_ args: [String]) async throws -> Run {
    let r = try await Recovcheck.run(args, cwd: repoRoot.path)
    return Run(status: r.status, stdout: r.stdoutData, stderr: r.stderr)
}

/// The parts of the JSON report (Sources/RecovReport/JSONReport.swift) these tests read.
private struct Report: Decodable {
    struct ReportedResult: Decodable {
        struct Counterexample: Decodable {
            struct Step: Decodable { var actor: String }
            var summary: String
            var steps: [Step]
        }
        var procedure: String
        var rule: String
        var verdict: String
        var message: String
        var counterexample: Counterexample?
    }
    var exitCode: Int32
    var results: [ReportedResult]
}

/// The shipped procedures, one per incident category of the design's table.
private let shippedProcedures = [
    "PauseOnExploit", "SuspendLiquidationsOnDeviation", "VetoQueuedSweep",
    "RotateLeakedValidatorKey", "MigrateToNewVault", "AutoTripOnOutflow",
]

private let allRules = [
    "sanity", "no-unilateral-control", "bounded-intervention", "no-collateral-loss",
    "containment-time", "blast-radius", "invariant",
]

@Test func shippedSpecsAllHold() async throws {
    let run = try await runRecovcheck(["specs", "--format", "json"])
    #expect(run.status == 0, "recovcheck specs/ exited \(run.status): \(run.stderr)")
    let report = try JSONDecoder().decode(Report.self, from: run.stdout)
    #expect(report.exitCode == 0)
    for r in report.results {
        #expect(
            r.verdict == "proved" || r.verdict == "holds" || r.verdict == "not-applicable",
            "\(r.procedure) \(r.rule): \(r.verdict) — \(r.message)")
    }
    for p in shippedProcedures {
        let rules = report.results.filter { $0.procedure == p }.map(\.rule)
        #expect(Set(rules) == Set(allRules), "procedure \(p) is missing from the report or lacks rules: \(rules)")
        // The budgets and bounds are declared, so the heart of each check says something.
        for rule in [
            "sanity", "no-unilateral-control", "bounded-intervention", "no-collateral-loss", "containment-time",
        ] {
            #expect(
                report.results.contains {
                    $0.procedure == p && $0.rule == rule && ($0.verdict == "holds" || $0.verdict == "proved")
                }, "\(p) \(rule) does not hold")
        }
    }
}

@Test func shippedSpecsTextListsEveryProcedure() async throws {
    let run = try await runRecovcheck(["specs", "--no-color"])
    #expect(run.status == 0, "recovcheck specs/ exited \(run.status): \(run.stderr)")
    let text = String(decoding: run.stdout, as: UTF8.self)
    for p in shippedProcedures { #expect(text.contains(p), "text report does not list \(p)") }
    #expect(!text.contains("VIOLATED"))
}

/// Each flawed fixture (hand-written in Tests/Fixtures/flawed, or derived from the shipped
/// design by Tests/Fixtures/derived.json) and the rule it must violate.
private let flawed: [(String, String)] = [
    ("threshold-one", "no-unilateral-control"),
    ("allowlist-reaches-threshold", "no-unilateral-control"),
    ("governance-borrowable-at-execution", "no-unilateral-control"),
    ("pause-past-bound", "bounded-intervention"),
    ("step-writes-everything", "bounded-intervention"),
    ("rotation-undeclared-key", "bounded-intervention"),
    ("migration-pays-admin", "no-collateral-loss"),
    ("containment-shorter-than-governance", "containment-time"),
    ("missing-rate-limit", "blast-radius"),
    ("invariant-broken", "invariant"),
]

@Test(arguments: flawed.map { $0.0 })
func flawedFixtureIsCaught(_ name: String) async throws {
    let rule = try #require(flawed.first { $0.0 == name }?.1)
    let derived = try DerivedFixtures.names(in: "flawed").contains(name)
    let dir =
        derived
        ? try DerivedFixtures.materialize("flawed/\(name)")
        : repoRoot.appendingPathComponent("Tests/Fixtures/flawed/\(name)")
    defer { if derived { try? FileManager.default.removeItem(at: dir) } }
    // The solver's limit is wall-clock: a generous one keeps a loaded test machine from turning a
    // slow proof of another rule into `unknown`, which this test rightly refuses.
    var args = [dir.appendingPathComponent("specs").path, "--format", "json", "--timeout", "600"]
    if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("models").path) {
        args += ["--models", repoRoot.appendingPathComponent("models").path]
    }
    let run = try await runRecovcheck(args)
    #expect(run.status == 1, "fixture \(name): exit \(run.status), expected 1: \(run.stderr)")
    let report = try JSONDecoder().decode(Report.self, from: run.stdout)
    let hits = report.results.filter { $0.rule == rule }
    #expect(!hits.isEmpty, "fixture \(name): no result for \(rule)")
    for r in hits {
        #expect(r.verdict == "violated", "fixture \(name): \(rule) is \(r.verdict) — \(r.message)")
        let cex = try #require(r.counterexample, "fixture \(name): \(rule) violated without a counterexample")
        #expect(!cex.summary.isEmpty)
        #expect(!cex.steps.isEmpty)
    }
    for r in report.results {
        #expect(
            r.verdict != "error" && r.verdict != "unknown", "fixture \(name): \(r.rule) is \(r.verdict) — \(r.message)")
    }
}

/// Once `unknown` ("incomplete quantifiers"): map-wide assignments were lowered to Z3 lambdas.
/// They are now defined pointwise at every account term, and the broken invariant is found.
@Test func assignAllViolationIsFoundNotUnknown() async throws {
    let dir = try DerivedFixtures.materialize("regressions/assignall-counterexample-unknown")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try await runRecovcheck([
        dir.appendingPathComponent("specs").path, "--format", "json", "--rule", "invariant",
    ])
    #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
    let report = try JSONDecoder().decode(Report.self, from: run.stdout)
    // `--rule` keeps sanity, which holds here.
    #expect(report.results.map(\.rule) == ["sanity", "invariant"])
    #expect(report.results.map(\.verdict) == ["holds", "violated"])
}

/// Every derived flawed fixture is among those checked above, and every substitution's original
/// text is in today's shipped file or base fixture (a derivation fails loudly when the design it
/// varies changed). No derived fixture also stands as a folder, a copy that could drift.
@Test func everyDerivedFixtureIsCheckedAndDerives() throws {
    for name in try DerivedFixtures.names(in: "flawed") {
        #expect(flawed.contains { $0.0 == name }, "derived fixture \(name) has no expected rule")
    }
    for fixture in try DerivedFixtures.all() {
        let folder = repoRoot.appendingPathComponent("Tests/Fixtures/\(fixture.name)").path
        #expect(
            !FileManager.default.fileExists(atPath: folder),
            "derived fixture \(fixture.name) is also a folder in the tree")
        let dir = try DerivedFixtures.materialize(fixture.name)
        try? FileManager.default.removeItem(at: dir)
    }
}

/// A substitution whose original text is missing, or not unique, is an error naming the fixture.
@Test func missingSubstitutionTextFailsLoudly() throws {
    let missing = DerivedFixtures.Substitution(file: "models/X.swift", old: ["threshold: 9"], new: ["threshold: 1"])
    #expect(throws: DerivedFixtures.Failure.self) {
        try DerivedFixtures.substitute(missing, in: "threshold: 2", fixture: "f")
    }
    let twice = DerivedFixtures.Substitution(file: "models/X.swift", old: ["a"], new: ["b"])
    #expect(throws: DerivedFixtures.Failure.self) { try DerivedFixtures.substitute(twice, in: "a a", fixture: "f") }
    #expect(try DerivedFixtures.substitute(twice, in: "a c", fixture: "f") == "b c")
}
