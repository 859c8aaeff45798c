import Foundation
import Testing

@testable import RecovLoader

@Suite struct ProcessTreeTests {
    /// A timed-out command is killed with its children: killing only `swiftc` left its
    /// `swift-frontend` running and the wait for the driver hung until the frontend ended.
    @Test func aTimeoutKillsTheWholeTreeAndReturns() async throws {
        let start = Date()
        let r = try await Loader().run("/bin/sh", ["-c", "sleep 300 & sleep 300; wait"], timeout: 1)
        #expect(r.timedOut)
        #expect(Date().timeIntervalSince(start) < 60, "the wait hung after the kill")
    }
}
