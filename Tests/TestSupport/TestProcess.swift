import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs a program for the tests through swift-subprocess: standard input from /dev/null,
/// standard output and error read concurrently (a chatty program cannot block on a full pipe),
/// in its own process group, which is killed at the time limit.
public enum TestProcess {
    /// Runs `executable` with `arguments` in `cwd` (the current folder when nil), with the tests'
    /// environment plus `environment`; kills it and everything it started after `limit` seconds.
    public static func run(
        _ executable: String, _ arguments: [String], cwd: String? = nil,
        environment: [String: String] = [:], limit: Double = 600
    ) async throws -> RunOutput {
        var options = PlatformOptions()
        options.processGroupID = 0  // its own group, so the kill at the limit reaches its children
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating(
                environment.reduce(into: [:]) { $0[Environment.Key(rawValue: $1.key)!] = $1.value }),
            workingDirectory: cwd.map { FilePath($0) }, platformOptions: options,
            input: .none, output: .sequence, error: .sequence
        ) { execution in
            try await withThrowingTaskGroup(of: Piece.self) { group in
                group.addTask { .stdout(try await collect(execution.standardOutput)) }
                group.addTask { .stderr(try await collect(execution.standardError)) }
                group.addTask {
                    // Cancelled as soon as both streams end; otherwise the program is over its limit.
                    try? await Task.sleep(for: .seconds(limit))
                    if Task.isCancelled { return .finished }
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    return .timedOut
                }
                var out = Data()
                var err = Data()
                var timedOut = false
                var open = 2
                while let piece = try await group.next() {
                    switch piece {
                    case .stdout(let d):
                        out = d
                        open -= 1
                    case .stderr(let d):
                        err = d
                        open -= 1
                    case .timedOut: timedOut = true
                    case .finished: break
                    }
                    if open == 0 { group.cancelAll() }
                }
                return (out, err, timedOut)
            }
        }
        let (out, err, timedOut) = result.closureResult
        switch result.terminationStatus {
        case .exited(let code):
            return RunOutput(
                status: code, signaled: false, stdoutData: out, stderr: String(decoding: err, as: UTF8.self),
                timedOut: timedOut)
        case .signaled(let signal):
            return RunOutput(
                status: signal, signaled: true, stdoutData: out, stderr: String(decoding: err, as: UTF8.self),
                timedOut: timedOut)
        }
    }

    /// Runs `python3 -c script args…`; returns its status and standard output followed by standard error.
    public static func python(
        _ script: String, _ args: [String], cwd: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> (Int32, String) {
        let r = try await run("/usr/bin/env", ["python3", "-c", script] + args, cwd: cwd, environment: environment)
        return (r.status, r.stdout + r.stderr)
    }

    /// The executable named `name` on the tests' `PATH`.
    public static func onPath(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private enum Piece: Sendable {
        case stdout(Data), stderr(Data), timedOut, finished
    }

    private static func collect(_ stream: SubprocessOutputSequence) async throws -> Data {
        var data = Data()
        for try await chunk in stream {
            chunk.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }
}
