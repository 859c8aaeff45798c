import Foundation
import RecovTestSupport
import Testing

/// The naive authority baseline as scripts/benchmark.py runs it: the benchmark's own generator
/// writes its smallest pools (9 keys over 5 entities, threshold 5; fixed or with a rotation, sound
/// or flawed), and the real binary checks each with `--authority-encoding naive` and `structured`.
/// AuthorityEncodingTests holds the two encodings to the same verdicts in-process; this holds the
/// command-line path the benchmark times, and the generated specs, to the hand-worked verdicts.
@Suite(.serialized) struct BenchmarkBaselineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// benchmark.dsl_spec's arguments (keys, entities, threshold, dynamic, flawed) and the expected
    /// verdicts of no-unilateral-control and no-collateral-loss. Hand-worked: round robin, no entity
    /// holds more than 2 of the 9 keys (after the rotation of k0 to E4, E4 holds 2); the flawed pool
    /// gives E4 keys k1…k4 (4 < 5, and 5 once k0 is rotated to it) and an attack on a user's balance.
    static let pools: [(args: String, control: String, collateral: String)] = [
        ("9, 5, 5, False, False", "holds", "holds"),
        ("9, 5, 5, True, False", "holds", "holds"),
        ("9, 5, 5, False, True", "holds", "violated"),
        ("9, 5, 5, True, True", "violated", "violated"),
    ]

    private struct Report: Decodable {
        struct ReportedResult: Decodable {
            var rule: String
            var verdict: String
        }
        var results: [ReportedResult]
    }

    @Test(arguments: pools.indices)
    func naiveAndStructuredGiveTheSameVerdicts(_ i: Int) async throws {
        let pool = Self.pools[i]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("Pool.swift").path
        let write =
            "import sys; sys.path.insert(0, 'scripts'); import benchmark; "
            + "open(sys.argv[1], 'w').write(benchmark.dsl_spec(\(pool.args)))"
        let (status, output) = try await TestProcess.python(write, [spec], cwd: Self.root.path)
        try #require(status == 0, "benchmark.dsl_spec(\(pool.args)): \(output)")
        for encoding in ["structured", "naive"] {
            let r = try await runRecovcheck([
                spec, "--rule", "no-unilateral-control", "--rule", "no-collateral-loss",
                "--depth", "4", "--format", "json", "--authority-encoding", encoding,
                "--no-cache", "--no-proofs", "--jobs", "1",
            ])
            #expect(
                !r.signaled && !r.timedOut && (r.status == 0 || r.status == 1),
                "\(pool.args) \(encoding): exit \(r.status)\n\(r.stderr)")
            let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
            let verdicts = Dictionary(report.results.map { ($0.rule, $0.verdict) }, uniquingKeysWith: { a, _ in a })
            #expect(verdicts["no-unilateral-control"] == pool.control, "\(pool.args) \(encoding): \(verdicts)")
            #expect(verdicts["no-collateral-loss"] == pool.collateral, "\(pool.args) \(encoding): \(verdicts)")
        }
    }
}
