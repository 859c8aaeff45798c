import Foundation

/// The real `recovcheck` binary the end-to-end tests run.
public enum Recovcheck {
    /// The `recovcheck` built beside this test bundle (the bundle may be a folder, so up to four levels up).
    public static func binary() throws -> String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("recovcheck").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        throw BinaryMissing(searchedFrom: exe.deletingLastPathComponent().path)
    }

    /// Runs recovcheck with `args` in `cwd`, with `NO_COLOR=1` and `environment` added to the
    /// tests' environment; kills it after `limit` seconds.
    public static func run(
        _ args: [String], cwd: String, environment: [String: String] = [:],
        limit: Double = 600
    ) async throws -> RunOutput {
        try await TestProcess.run(
            try binary(), args, cwd: cwd, environment: ["NO_COLOR": "1"].merging(environment) { $1 },
            limit: limit)
    }

    /// The binary is not built.
    public struct BinaryMissing: Error, CustomStringConvertible {
        public var searchedFrom: String
        public var description: String {
            "the recovcheck binary is not beside the test bundle (searched from \(searchedFrom) upwards): build it first (swift build)"
        }
    }
}
