import Foundation
import RecovTestSupport
import Testing

/// What a run of the real binary on hand-worked fixtures reported: the worst exit status, the
/// verdict per rule id from the text report (per `procedure/rule` when asked), stdout and stderr.
struct FixtureVerdicts {
    var status: Int32 = 0
    var verdicts: [String: String] = [:]
    var stdout = ""
    var stderr = ""

    /// Runs each fixture folder `Tests/Fixtures/<name>` (a derived one materialized) in turn, on its
    /// `specs/` folder, which also holds its models; `extra` are more arguments. With
    /// `perProcedure` the verdicts are keyed `procedure/rule` ("IRInsider/no-collateral-loss").
    static func run(_ names: [String], _ extra: [String] = [], perProcedure: Bool = false) async throws
        -> FixtureVerdicts
    {
        var result = FixtureVerdicts()
        for name in names {
            let out = try await DerivedFixtures.withFixture(name) { dir in
                try await runSpecs(dir.appendingPathComponent("specs").path, extra)
            }
            result.verdicts.merge(parse(out.stdout, perProcedure: perProcedure)) { _, later in later }
            result.status = max(result.status, out.status)
            result.stdout += out.stdout
            result.stderr += out.stderr
        }
        return result
    }

    /// Runs recovcheck on a `specs` folder that also holds its models, without caches, with
    /// `extra` arguments; a crash or a hang is a test issue.
    static func runSpecs(_ specs: String, _ extra: [String] = []) async throws -> RunOutput {
        let out = try await runRecovcheck(["--no-cache", "--no-ir-cache", specs, "--models", specs] + extra)
        #expect(
            !out.signaled && !out.timedOut && out.status < 128, "recovcheck crashed or hung on \(specs): \(out.stderr)")
        return out
    }

    /// The verdict per rule id of a text report (per `procedure/rule` with `perProcedure`).
    static func parse(_ stdout: String, perProcedure: Bool) -> [String: String] {
        var verdicts: [String: String] = [:]
        var procedure = ""
        for line in stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if !line.hasPrefix(" "), let first = fields.first { procedure = String(first) }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), fields.count >= 2 else { continue }
            verdicts[perProcedure ? "\(procedure)/\(fields[1])" : String(fields[1])] = String(fields[0])
        }
        return verdicts
    }

    /// A pass: bounded (`holds`) or by induction (`PROVED`).
    static func passes(_ verdict: String?) -> Bool { verdict == "holds" || verdict == "PROVED" }
}
