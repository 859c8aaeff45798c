import Foundation
import RecovIR
import RecovProcess

extension Loader {
    /// Runs the compiled spec program `executable` in the sandbox `options.sandbox` allows and
    /// returns the IR it wrote to its IR FIFO. Every way the program can misbehave (time limit, too much
    /// output, too much IR, no IR) is a `Diagnostic` at the first spec file naming the spec files;
    /// a crash or failure is described by `crash` (from the status and the tails of its output).
    func runSandboxed(
        _ executable: String, sources: [String], swiftc: String, workDirectory: String, specFiles: [String],
        environment: [String: String], crash: (RunResult) -> Diagnostic
    ) async throws -> Data {
        let names = specFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let at = loc(specFiles.first ?? sources.first ?? "<recovcheck>")
        let sandbox = SpecSandbox(mode: options.sandbox, seconds: options.specTimeout)
        let outcome: SpecSandbox.Outcome
        do {
            outcome = try await sandbox.run(
                executable: executable, libraries: swiftRuntimeDirectories(swiftc: swiftc),
                sources: sources, workDirectory: workDirectory, environment: environment)
        } catch {
            throw Diagnostic("\(error)", at: at)
        }
        var r = outcome.result
        // bubblewrap exits with 128 + the signal when the program was killed by one.
        if outcome.isolation == .bubblewrap, case .exited(let code) = r.ending, code > 128, code < 128 + 65 {
            r.ending = .signaled(code - 128)
        }
        func tail(_ data: Data) -> String {
            let text = String(decoding: data, as: UTF8.self)
            // Whole lines of the last 64 KiB: the crash report (backtrace) is read from them.
            return String(
                text.split(separator: "\n", omittingEmptySubsequences: false).suffix(400).joined(separator: "\n"))
        }
        let stderrTail = tail(r.stderrTail)
        switch r.ending {
        case .timedOut:
            throw Diagnostic(
                "spec program did not finish within \(formatSeconds(options.specTimeout)) s and was stopped (specs: \(names))",
                at: at)
        case .outputTooLarge:
            throw Diagnostic(
                "spec program printed more than \(SpecSandbox.outputBytes >> 20) MiB on standard output and error and was stopped (specs: \(names))",
                at: at)
        case .irTooLarge:
            throw Diagnostic(
                "spec program wrote more than \(SpecSandbox.irBytes >> 20) MiB of IR and was stopped (specs: \(names))",
                at: at)
        case .signaled(let s):
            throw crash(
                RunResult(status: s, signaled: true, timedOut: false, stdout: tail(r.stdoutTail), stderr: stderrTail))
        case .exited(let code) where code != 0:
            // bubblewrap reports its own setup failures on standard error as "bwrap: …".
            throw crash(
                RunResult(
                    status: code, signaled: false, timedOut: false, stdout: tail(r.stdoutTail), stderr: stderrTail))
        case .exited:
            break
        }
        guard !r.ir.isEmpty else { throw Diagnostic("spec program wrote no IR (specs: \(names))", at: at) }
        return r.ir
    }

    /// The Swift runtime libraries the program loads (`<toolchain>/usr/lib/swift/linux` beside the
    /// compiler) and the runtime's backtracer (`<toolchain>/usr/libexec/swift`).
    func swiftRuntimeDirectories(swiftc: String) -> [String] {
        let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path
        var out: [String] = []
        for compiler in [swiftc, resolved] {
            for dir in [parent(parent(compiler)) + "/lib/swift/linux", parent(parent(compiler)) + "/libexec/swift"] {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue, !out.contains(dir)
                {
                    out.append(dir)
                }
            }
        }
        return out
    }
}
