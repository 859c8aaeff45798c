import Foundation
import RecovTestSupport
import Testing

private let fixture: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Fixtures/determinism/two-procedures.json"
    ).path

/// The same inputs give byte-identical reports, run after run and with any number of jobs
/// (verdicts, counterexamples and their order; the report carries no timing).
@Suite(.serialized) struct DeterminismTests {
    private func report(_ extra: [String], format: String) async throws -> RunOutput {
        let r = try await runRecovcheck(
            [fixture, "--format", format, "--depth", "4", "--timeout", "30", "--no-cache"] + extra)
        #expect(!r.signaled && !r.timedOut && r.status < 128, "status \(r.status): \(r.stderr)")
        return r
    }

    @Test(arguments: ["json", "text"])
    func identicalAcrossRunsAndJobs(format: String) async throws {
        let first = try await report(["--jobs", "1"], format: format)
        #expect(first.status == 1, "the fixture has violations; exit \(first.status): \(first.stderr)")
        #expect(!first.stdout.isEmpty)
        for extra in [["--jobs", "1"], ["--jobs", "4"], ["--jobs", "4"], ["--jobs", "2"]] {
            let again = try await report(extra, format: format)
            #expect(again.status == first.status)
            #expect(
                again.stdout == first.stdout,
                "\(format) output differs with \(extra):\n\(firstDifference(first.stdout, again.stdout))")
        }
    }

    /// The spec using every construct, without deterministic hashing (Swift then seeds its hash
    /// function per process, so a Dictionary or Set iterated unsorted shows up as a difference).
    @Test(arguments: ["json", "sarif", "text"])
    func everyConstructWithoutDeterministicHashing(format: String) async throws {
        unsetenv("SWIFT_DETERMINISTIC_HASHING")
        let dir = URL(fileURLWithPath: fixture).deletingLastPathComponent().appendingPathComponent("all-constructs")
        let args = [
            dir.appendingPathComponent("specs").path, "--models", dir.appendingPathComponent("models").path,
            "--format", format, "--depth", "5", "--timeout", "60", "--no-cache",
        ]
        // Warm the IR cache first, so both compared runs report the same IR-cache hit.
        _ = try await runRecovcheck(args + ["--rule", "sanity"])
        let first = try await runRecovcheck(args + ["--jobs", "1"])
        #expect(first.status == 1, "exit \(first.status): \(first.stderr)")
        let again = try await runRecovcheck(args + ["--jobs", "2"])
        #expect(
            again.stdout == first.stdout, "\(format) output differs:\n\(firstDifference(first.stdout, again.stdout))")
    }

    private func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : "") != (i < y.count ? y[i] : "") {
            return "line \(i + 1):\n  \(i < x.count ? x[i] : "<none>")\n  \(i < y.count ? y[i] : "<none>")"
        }
        return "(same lines)"
    }
}
