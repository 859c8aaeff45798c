import Foundation
import RecovTestSupport
import Testing

private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

@Suite struct IRCacheTests {
    /// Issue 9 item 8: IR read from the cache is said so, in text and in JSON.
    @Test func anIRCacheHitIsShown() async throws {
        let cache = try freshTempDir("ir-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let args = [
            fixtures + "/discovery/forms/Forms.swift", "--models", fixtures + "/discovery/models",
            "--depth", "1", "--rule", "sanity", "--no-cache",
        ]
        let env = ["XDG_CACHE_HOME": cache]
        let first = try await runProgram(try recovcheckBinary(), args, cwd: NSTemporaryDirectory(), environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("IR from cache"))
        let second = try await runProgram(try recovcheckBinary(), args, cwd: NSTemporaryDirectory(), environment: env)
        #expect(second.status == 0)
        let line = try #require(
            second.stdout.split(separator: "\n").first { $0.hasPrefix("IR from cache (key ") }, "\(second.stdout)")
        #expect(line.wholeMatch(of: /IR from cache \(key [0-9a-f]{16}\); --no-ir-cache recompiles the specs/) != nil)

        let json = try await runProgram(
            try recovcheckBinary(), args + ["--format", "json"], cwd: NSTemporaryDirectory(), environment: env)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ir = try #require(doc["irCache"] as? [String: Any])
        #expect(ir["hit"] as? Bool == true)
        #expect(
            (ir["key"] as? String)?.hasPrefix(String(line.dropFirst("IR from cache (key ".count).prefix(16))) == true)

        let fresh = try await runProgram(
            try recovcheckBinary(), args + ["--format", "json", "--no-ir-cache"], cwd: NSTemporaryDirectory(),
            environment: env)
        let freshDoc = try #require(try JSONSerialization.jsonObject(with: Data(fresh.stdout.utf8)) as? [String: Any])
        #expect(freshDoc["irCache"] == nil)
    }
}
