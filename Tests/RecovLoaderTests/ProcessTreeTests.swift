import Foundation
import Testing

@testable import RecovLoader

@Suite struct ProcessTreeTests {
    /// A timed-out command is killed with its children: killing only `swiftc` left its
    /// `swift-frontend` running and the wait for the driver hung until the frontend ended.
    /// Without the kill the run lasts 300 s: the test's 4-minute limit catches that hang (not a
    /// timed assertion, which a loaded machine made fail at 63 s).
    @Test(.timeLimit(.minutes(4))) func aTimeoutKillsTheWholeTreeAndReturns() async throws {
        let r = try await Loader().run("/bin/sh", ["-c", "sleep 300 & sleep 300; wait"], timeout: 1)
        #expect(r.timedOut)
    }
}
