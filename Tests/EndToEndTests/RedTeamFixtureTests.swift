import Foundation
import RecovTestSupport
import Testing

// Red-team fixtures of 2026-12-01 (Tests/Fixtures/redteam-2026-12-01/README.md): a step whose
// `within:` is shorter than its role's delay was silently given the delay as its deadline, and
// `bounded-intervention` was proved. Such a step is now rejected at its line.

private let redTeamFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/redteam-2026-12-01").path

@Test(arguments: [
    ("late-governor-step", "LateGovernorStep.swift:19", "'lDAO' (345600 s"),
    ("late-timelock-step", "LateTimelockStep.swift:22", "'ttAdmin' (172800 s"),
])
func stepPromisingLessThanItsRoleDelayIsRejected(_ fixture: String, _ line: String, _ role: String) async throws {
    let specs = "\(redTeamFixtures)/\(fixture)/specs"
    let run = try await runRecovcheck(["--no-cache", "--no-ir-cache", specs, "--models", specs])
    #expect(!run.signaled && !run.timedOut)
    #expect(run.status == 2, "\(fixture): exit \(run.status), expected an input error: \(run.stdout)\(run.stderr)")
    #expect(run.stderr.contains(line), "\(fixture): the error does not point at the step: \(run.stderr)")
    #expect(
        run.stderr.contains("deadline within: 3600 s is shorter than the delay of its role \(role)"), "\(run.stderr)")
    #expect(!run.stdout.contains("PROVED"))
}
