import Foundation
import RecovTestSupport
import Testing

/// The repository's README.md.
private let readme: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("README.md").path

/// Issue 14 part 8: the README's one-example-per-construct spec (after "### Signature reference")
/// compiles against the DSL as written and checks without an input error, so every construct it
/// shows exists with the labels shown.
@Suite struct ReadmeReferenceTests {
    @Test func theSignatureReferenceExampleCompilesAndChecks() async throws {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        let section = try #require(text.range(of: "### Signature reference"))
        let blocks = text[section.upperBound...].matches(of: /```swift\n((?s).*?)```/)
        // The first block lists signatures; the second is the example spec.
        try #require(blocks.count >= 2)
        let spec = String(blocks[1].1)
        #expect(spec.hasPrefix("import RecovDSL"))
        let dir = try freshTempDir("readme-reference")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try spec.write(toFile: dir + "/Reference.swift", atomically: true, encoding: .utf8)
        let r = try await runRecovcheck(["--no-cache", "--no-ir-cache", "--depth", "2", "--rule", "sanity", dir])
        #expect(!r.timedOut && !r.signaled)
        #expect(r.status == 0 || r.status == 1, "exit \(r.status)\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
        #expect(r.stdout.contains("RPause"))
    }
}
