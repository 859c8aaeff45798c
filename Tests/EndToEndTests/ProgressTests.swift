import Foundation
import RecovTestSupport
import Testing

/// Progress on standard error: a live line on a terminal (run under a real pseudo-terminal),
/// nothing on a clean standard output, nothing with --quiet.
@Suite struct ProgressTests {
    /// Runs recovcheck under a pseudo-terminal (python3's pty module) and returns what the
    /// terminal showed (standard output and standard error together) and the exit status.
    static func underTerminal(_ args: [String], in cwd: URL) async throws -> (Int32, String) {
        let script = """
            import os, pty, sys
            out = bytearray()
            def read(fd):
                data = os.read(fd, 65536)
                out.extend(data)
                return data
            status = pty.spawn(sys.argv[1:], read)
            sys.stdout.buffer.write(bytes(out))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let r = try await TestProcess.run(
            "/usr/bin/env", ["python3", "-c", script, try Recovcheck.binary()] + args,
            cwd: cwd.path, environment: ["TERM": "xterm"])
        return (r.status, r.stdout)
    }

    @Test func aTerminalSeesALiveLineAndQuietSeesNone() async throws {
        let dir = try Gate.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, screen) = try await Self.underTerminal(["specs/", "--no-cache"], in: dir)
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("\r\u{1B}[Krecovcheck: "), "a live progress line is drawn")
        #expect(screen.range(of: #"\d+/\d+ checks · \d+:\d\d"#, options: .regularExpression) != nil, "\(screen)")
        let (quietStatus, quietScreen) = try await Self.underTerminal(["specs/", "--no-cache", "--quiet"], in: dir)
        #expect(quietStatus == 0)
        #expect(!quietScreen.contains("\u{1B}[K"), "--quiet draws no progress")
    }

    @Test func standardOutputStaysCleanForTheFormats() async throws {
        let dir = try Gate.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Gate.run(["specs/", "--no-cache", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("{"))
        #expect(!r.out.contains("progress"))
        #expect(!r.err.contains("\u{1B}"), "no terminal codes when standard error is not a terminal")
    }
}
