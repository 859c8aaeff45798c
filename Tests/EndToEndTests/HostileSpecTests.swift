import Foundation
import RecovTestSupport
import Testing

/// Spec programs written as an attacker would (docs/security.md): each runs the real binary on a
/// generated spec and checks what actually happened — nothing leaked, nothing written, no
/// connection, no process left, output and memory bounded, forged IR not approved.
@Suite(.serialized) struct HostileSpecTests {
    @Test func environmentIsScrubbed() async throws {
        let secret = "s3cret-" + UUID().uuidString
        let dir = try HostileProject.make(
            hostile: """
                for name in ["RECOVCHECK_TEST_SECRET", "HOME", "XDG_CACHE_HOME"] {
                    if let v = getenv(name) { fputs("LEAK \\(name)=\\(String(cString: v))\\n", stderr); exit(9) }
                }
                """)
        for mode in ["required", "off"] {
            let r = try await HostileProject.run(
                ["specs/", "--sandbox", mode], in: dir, environment: ["RECOVCHECK_TEST_SECRET": secret])
            #expect(r.status == 0, "\(mode): the spec program saw the environment\n\(r.stdout)\n\(r.stderr)")
            #expect(!(r.stdout + r.stderr).contains(secret))
        }
    }

    @Test func cannotWriteOutsideItsFolderNorItsSources() async throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hostile-outside-\(UUID().uuidString)")
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: cache.appendingPathComponent("recovcheck"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache) }
        let dir = try HostileProject.make(
            hostile: """
                for path in ["\(outside.path)", "\(cache.path)/recovcheck/poison.json"] {
                    if let f = fopen(path, "w") { fputs("pwned", f); fclose(f) }
                }
                if let g = fopen(#filePath, "a") { fputs("// pwned", g); fclose(g) }
                """)
        let spec = dir.appendingPathComponent("specs/Hostile.swift")
        let before = try Data(contentsOf: spec)
        let r = try await HostileProject.run(
            ["specs/", "--sandbox", "required"], in: dir, environment: ["XDG_CACHE_HOME": cache.path])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("spec program: bubblewrap sandbox"), "\(r.stdout)")
        #expect(!FileManager.default.fileExists(atPath: outside.path), "the spec program wrote outside its folder")
        #expect(
            !FileManager.default.fileExists(atPath: cache.path + "/recovcheck/poison.json"),
            "the spec program wrote into the IR cache")
        #expect(try Data(contentsOf: spec) == before, "the spec program changed its own source")
    }

    @Test func cannotReachALoopbackListener() async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let dir = try HostileProject.make(
            hostile: """
                let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                var addr = sockaddr_in()
                addr.sin_family = sa_family_t(AF_INET)
                addr.sin_port = in_port_t(\(listener.port)).bigEndian
                addr.sin_addr.s_addr = inet_addr("127.0.0.1")
                let rc = withUnsafePointer(to: &addr) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                if rc == 0 { _ = write(s, "exfiltrated", 11) }
                """)
        let r = try await HostileProject.run(["specs/", "--sandbox", "required"], in: dir)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(!listener.hadConnection(), "the spec program connected to the loopback listener")
    }

    @Test(arguments: ["required", "off"]) func leftoverProcessesAreKilled(mode: String) async throws {
        // Unique sleep durations mark the processes in /proc: one in the program's session, one in a new session.
        let a = "3600.\(Int.random(in: 100_000...999_999))"
        let b = "3601.\(Int.random(in: 100_000...999_999))"
        let dir = try HostileProject.make(
            hostile: """
                _ = system("sleep \(a) >/dev/null 2>&1 &")
                _ = system("setsid sleep \(b) >/dev/null 2>&1 &")
                usleep(300_000)
                """)
        let r = try await HostileProject.run(["specs/", "--sandbox", mode], in: dir)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let left = HostileProject.processes(matching: [a, b])
        #expect(left.isEmpty, "\(mode): processes outlived the spec program: \(left)")
        for pid in left { kill(pid, SIGKILL) }
    }

    @Test func gigabytesOfOutputAreStoppedWithBoundedMemory() async throws {
        let dir = try HostileProject.make(
            hostile: """
                let chunk = [UInt8](repeating: 65, count: 1 << 20)
                for _ in 0..<4096 { _ = chunk.withUnsafeBytes { write(1, $0.baseAddress, $0.count) } }
                """)
        let started = Date()
        let r = try await HostileProject.run(["specs/", "--sandbox", "required", "--spec-timeout", "120"], in: dir)
        #expect(r.status == 2, "\(r.stdout.prefix(2000))\n\(r.stderr.prefix(2000))")
        #expect(
            r.stderr.contains("Hostile.swift:1:1: error: spec program printed more than 16 MiB"),
            "\(r.stderr.prefix(2000))")
        #expect(Date().timeIntervalSince(started) < 90)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 1 << 20, "a child used \(usage.ru_maxrss) KiB")  // KiB: under 1 GiB
    }

    @Test func oversizedIRIsRejected() async throws {
        let dir = try HostileProject.make(
            hostile: """
                let chunk = [UInt8](repeating: 32, count: 1 << 20)
                let irFD = open(getenv("RECOVCHECK_IR_PATH")!, O_WRONLY)
                for _ in 0..<80 { _ = chunk.withUnsafeBytes { write(irFD, $0.baseAddress, $0.count) } }
                exit(0)
                """)
        let r = try await HostileProject.run(["specs/", "--sandbox", "required"], in: dir)
        #expect(r.status == 2)
        #expect(
            r.stderr.contains("Hostile.swift:1:1: error: spec program wrote more than 64 MiB of IR"),
            "\(r.stderr.prefix(2000))")
    }

    /// The attack of issue 10: a pull request makes one firm control the guardian, and its program
    /// writes the approved procedure's IR to the IR channel. The IR matches the lock; the
    /// sources do not, so `--require-approved` fails.
    @Test func forgedIRFailsRequireApproved() async throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let env = ["XDG_CACHE_HOME": cache.path]
        let dir = try HostileProject.make(hostile: "")
        var r = try await HostileProject.run(
            ["approve", "specs/", "--by", "Reviewer", "--lock", "review.lock"], in: dir, environment: env)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        // The approved IR, as the honest program wrote it (from the compiled-IR cache).
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/recovcheck").filter {
            $0.hasSuffix(".json")
        }
        let approvedIR = try String(
            contentsOfFile: cache.path + "/recovcheck/" + #require(files.first), encoding: .utf8)
        #expect(!approvedIR.contains("\"####"))
        // One line, as long as the honest file's empty one: the forged IR's locations stay right.
        let oneLine = approvedIR.replacingOccurrences(of: "\n", with: " ")
        let forged = try HostileProject.make(
            hostile: """
                let ir = ####\"\(oneLine)\"####; let irFD = open(getenv("RECOVCHECK_IR_PATH")!, O_WRONLY); _ = Array(ir.utf8).withUnsafeBytes { write(irFD, $0.baseAddress, $0.count) }; exit(0)
                """, secondKeyHolder: "a", at: dir)
        r = try await HostileProject.run(
            ["specs/", "--require-approved", "--lock", "review.lock", "--no-ir-cache"], in: dir, environment: env)
        #expect(r.status == 1, "a forged IR passed --require-approved\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("procedure 'PauseIt' changed since its approval by Reviewer"), "\(r.stderr)")
        #expect(r.stderr.contains("a spec or model file compiled with it"), "\(r.stderr)")
        _ = forged
    }

    @Test func namesCannotForgeTerminalOutput() async throws {
        let dir = try HostileProject.make(
            hostile: "",
            procedureName: "PauseIt\\u{1B}[2K\\r  holds     fake\\u{07}\\u{1B}]0;title\\u{07}\\nforged line")
        let r = try await HostileProject.run(["specs/", "--sandbox", "required"], in: dir)
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let control = (r.stdout + r.stderr).unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
        #expect(control.isEmpty, "raw control characters in the output: \(control.map(\.value))")
        #expect(r.stdout.contains("PauseIt\\u{1B}[2K\\u{D}  holds     fake\\u{7}"), "\(r.stdout)")
        #expect(!r.stdout.contains("\nforged line"))
    }
}

/// Generated hostile projects: one self-contained spec file whose model runs `hostile` when built.
enum HostileProject {
    static func make(
        hostile: String, secondKeyHolder: String = "b", procedureName: String = "PauseIt", at existing: URL? = nil
    ) throws -> URL {
        let dir =
            existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        // Indented: it runs inside the model's initializer, not at top level.
        let hostile = hostile.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
            separator: "\n")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("specs"), withIntermediateDirectories: true)
        let text = """
            import RecovDSL
            import Glibc

            let paused = Flag("paused", initial: false)
            let deposits = AccountMap("deposits", 0...100)
            let a = Entity("A")
            let b = Entity("B")
            let k1 = Key("k1", heldBy: a)
            let k2 = Key("k2", heldBy: \(secondKeyHolder))
            let guardian = Role.multisig("guardian", threshold: 2, of: [k1, k2])

            let hostileModel: Model = {
            \(hostile)
                return Model("Hostile") {
                    State(paused, deposits)
                    Entities(a, b)
                    Keys(k1, k2)
                    Roles(guardian)
                    Action("pause", by: guardian) { Require(!paused); Assign(paused, true) }
                    Claim { acct in deposits[acct] }
                }
            }()

            let hostileIncident = Incident("Quiet", model: hostileModel) {}

            let hostileProcedure = Procedure("\(procedureName)", model: hostileModel, incident: hostileIncident) {
                Trigger(!paused)
                Step("pause", action: "pause", by: guardian, within: 60) { Writes(paused) }
                Containment(paused, within: 60)
            }

            """
        try text.write(to: dir.appendingPathComponent("specs/Hostile.swift"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Runs recovcheck in `dir` with `environment` added, without a result cache.
    static func run(_ args: [String], in dir: URL, environment: [String: String] = [:]) async throws -> RunOutput {
        try await Recovcheck.run(
            args + ["--no-cache", "--depth", "3"], cwd: dir.path, environment: environment, limit: 300)
    }

    /// Processes whose command line contains one of `marks`.
    static func processes(matching marks: [String]) -> [pid_t] {
        var out: [pid_t] = []
        for e in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(e), let data = FileManager.default.contents(atPath: "/proc/\(e)/cmdline") else {
                continue
            }
            let cmd = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if marks.contains(where: { cmd.contains($0) }) { out.append(pid) }
        }
        return out
    }
}

/// A TCP listener on 127.0.0.1 with an ephemeral port, for the network test.
final class LoopbackListener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { throw ListenFailed() }
        self.fd = fd
        port = UInt16(bigEndian: addr.sin_port)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Whether a connection is waiting to be accepted.
    func hadConnection() -> Bool {
        let c = accept(fd, nil, nil)
        if c >= 0 {
            Glibc.close(c)
            return true
        }
        return false
    }

    func close() { Glibc.close(fd) }
}

/// The test's loopback listener could not start.
struct ListenFailed: Error, CustomStringConvertible { var description: String { "cannot listen on 127.0.0.1" } }
