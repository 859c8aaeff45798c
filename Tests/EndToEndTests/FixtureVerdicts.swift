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
                let specs = dir.appendingPathComponent("specs").path
                return try await runRecovcheck(["--no-cache", "--no-ir-cache", specs, "--models", specs] + extra)
            }
            #expect(!out.signaled && !out.timedOut, "recovcheck crashed or hung on \(name)")
            var procedure = ""
            for line in out.stdout.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if !line.hasPrefix(" "), let first = fields.first { procedure = String(first) }
                guard line.hasPrefix("  "), !line.hasPrefix("   "), fields.count >= 2 else { continue }
                result.verdicts[perProcedure ? "\(procedure)/\(fields[1])" : String(fields[1])] = String(fields[0])
            }
            result.status = max(result.status, out.status)
            result.stdout += out.stdout
            result.stderr += out.stderr
        }
        return result
    }

    /// A pass: bounded (`holds`) or by induction (`PROVED`).
    static func passes(_ verdict: String?) -> Bool { verdict == "holds" || verdict == "PROVED" }
}
