import Foundation
import RecovTestSupport
import Testing

private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Issue 9 item 17: a crash of the spec program is reported at the user's line, and a very deep
/// expression is a clear limit error, not a signal 11.
@Suite struct SpecCrashTests {
    @Test(arguments: [
        ("fatal", "Fatal.swift:4:", "Fatal error: no budget configured"),
        ("unwrap", "Unwrap.swift:4:", "Unexpectedly found nil while unwrapping an Optional value"),
        ("index", "Index.swift:4:", "Index out of range"),
        ("precondition", "Precondition.swift:5:", "Precondition failed: threshold must be positive"),
        ("deep", "Deep.swift:10:", "expression nested more than 200 operators deep"),
    ])
    func locatedAtTheUsersLine(fixture: String, place: String, message: String) async throws {
        let r = try await runRecovcheck([
            fixtures + "/spec-crashes/" + fixture, "--models", fixtures + "/discovery/models", "--no-cache",
            "--no-ir-cache",
        ])
        expectInputError(r, mentions: place, fixture)
        #expect(r.stderr.contains(message), "\(fixture): \(r.stderr)")
    }
}
