import Foundation
import RecovTestSupport
import Testing

/// Runs `executable` with `args` in `cwd` with extra environment (and `NO_COLOR=1`), killing it after `limit` seconds.
func runProgram(
    _ executable: String, _ args: [String], cwd: String, environment: [String: String] = [:],
    limit: Double = 600
) async throws -> RunOutput {
    try await TestProcess.run(
        executable, args, cwd: cwd, environment: ["NO_COLOR": "1"].merging(environment) { $1 }, limit: limit)
}

/// A fresh temporary folder.
func freshTempDir(_ label: String) throws -> String {
    let d = NSTemporaryDirectory() + "recovcheck-\(label)-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

/// The repository's README.md.
private let readmePath: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("README.md").path

@Suite struct InstallTests {
    /// Issue 11: the one binary, copied anywhere, finds (builds) its DSL by itself. The spec is the
    /// README's DSL example pasted as written, in a folder unrelated to the checkout, with a fresh
    /// cache and no environment variable pointing anywhere.
    @Test func aCopiedBinaryChecksTheReadmeExampleFromAnEmptyFolder() async throws {
        let root = try freshTempDir("install")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bin = root + "/bin/recovcheck"
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try recovcheckBinary(), toPath: bin)

        let readme = try String(contentsOfFile: readmePath, encoding: .utf8)
        let section = try #require(readme.range(of: "## The DSL in five minutes"))
        let block = try #require(readme[section.upperBound...].firstMatch(of: /```swift\n((?s).*?)```/))
        try FileManager.default.createDirectory(atPath: root + "/project/specs", withIntermediateDirectories: true)
        try String(block.1).write(toFile: root + "/project/specs/Pool.swift", atomically: true, encoding: .utf8)

        let r = try await runProgram(
            bin, ["specs"], cwd: root + "/project",
            environment: ["XDG_CACHE_HOME": root + "/cache", "RECOVCHECK_DSL_DIR": ""])
        #expect(!r.timedOut && !r.signaled)
        #expect(r.status == 0, "exit \(r.status)\nstdout: \(r.stdout)\nstderr: \(r.stderr)")
        #expect(r.stdout.contains("PauseOnBug"))
        // The DSL library was built into the fresh cache, keyed by a SHA-256.
        let built = try FileManager.default.contentsOfDirectory(atPath: root + "/cache/recovcheck/dsl")
        #expect(built.contains { $0.wholeMatch(of: /[0-9a-f]{64}/) != nil })
    }
}
