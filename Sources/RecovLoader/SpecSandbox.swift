import Foundation
import RecovIR
import RecovProcess
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a compiled spec program with the isolation `mode` allows, and reads its IR from a FIFO
/// in its work folder (`RECOVCHECK_IR_PATH`).
struct SpecSandbox {
    var mode: SandboxMode
    /// Wall-clock limit; also the CPU-time limit.
    var seconds: Double

    /// Address space of each process of the program.
    static let addressSpaceBytes = 8 << 30
    /// Largest file the program may write (in its private /tmp).
    static let fileSizeBytes = 64 << 20
    /// Standard output plus standard error before the program is stopped.
    static let outputBytes = 16 << 20
    /// Tail of standard output and error kept for messages.
    static let keptBytes = 64 << 10
    /// Largest IR accepted.
    static let irBytes = 64 << 20

    /// What a run produced.
    struct Outcome {
        var result: ProcessRunner.Output
        var isolation: Isolation
    }

    /// The isolation programs get in this mode here: `.bubblewrap` when it can start, else `.limits`
    /// (`auto`) or an error (`required`); `.off` for `off`. Known before running (part of the IR cache key).
    func isolation(at location: SourceLocation?) async throws -> Isolation {
        switch (mode, await Self.bubblewrap()) {
        case (.off, _): return .off
        case (_, .success): return .bubblewrap
        case (.auto, .failure): return .limits
        case (.required, .failure(let why)):
            throw Diagnostic(
                "--sandbox required: the bubblewrap sandbox cannot start: \(why) (install bubblewrap, allow user namespaces, or use --sandbox auto)",
                at: location)
        }
    }

    /// Runs `executable`, which reads nothing but its `libraries` and `sources`.
    /// `environment` is added to the minimal one (`RECOVCHECK_IR_PATH`, `PATH`, `LANG`). The IR
    /// FIFO is made in `workDirectory` and bound read-only into the sandbox at its path: writing
    /// to a FIFO needs no writable file system, so the sandbox still writes nothing outside.
    func run(
        executable: String, libraries: [String], sources: [String], workDirectory: String,
        environment: [String: String] = [:]
    ) async throws -> Outcome {
        let irPath = workDirectory + "/ir.fifo"
        var env = [
            "RECOVCHECK_IR_PATH": irPath, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
        ]
        for (k, v) in environment where k != "RECOVCHECK_IR_PATH" { env[k] = v }
        let isolation = try await self.isolation(at: nil)
        var argv = [executable]
        var directory: String? = workDirectory
        if isolation == .bubblewrap, case .success(let bwrap) = await Self.bubblewrap() {
            argv =
                [bwrap]
                + Self.bubblewrapArguments(environment: env, readOnly: [executable] + libraries + sources + [irPath])
                + [
                    "--", executable,
                ]
            directory = nil
        }
        if let prlimit = Self.executable("prlimit") {
            argv = [prlimit] + limitArguments() + ["--"] + argv
        }
        let caps = ProcessRunner.Caps(
            seconds: seconds, outputBytes: Self.outputBytes, keptBytes: Self.keptBytes, irBytes: Self.irBytes)
        var childEnv = env
        childEnv["TMPDIR"] = workDirectory
        return Outcome(
            result: try await ProcessRunner.run(
                argv, environment: childEnv, directory: directory, caps: caps, irPath: irPath),
            isolation: isolation)
    }

    /// `prlimit` options: CPU seconds, address space, file size, processes, open files, no core dumps.
    func limitArguments() -> [String] {
        let cpu = Int(seconds.rounded(.up)) + 1
        return [
            "--cpu=\(cpu)", "--as=\(Self.addressSpaceBytes)", "--fsize=\(Self.fileSizeBytes)",
            "--nproc=\(Self.processCount() + 64)", "--nofile=256", "--core=0",
        ]
    }

    /// bubblewrap options: every namespace unshared (network included), a fresh /tmp, /proc and
    /// /dev, system libraries and `readOnly` files bound read-only at their paths, nothing else.
    static func bubblewrapArguments(environment: [String: String], readOnly: [String]) -> [String] {
        var a = ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { a += ["--setenv", k, v] }
        a += ["--ro-bind", "/usr", "/usr"]
        let fm = FileManager.default
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? fm.destinationOfSymbolicLink(atPath: top) {
                a += ["--symlink", target, top]
            } else if fm.fileExists(atPath: top) {
                a += ["--ro-bind", top, top]
            }
        }
        a += [
            "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
            "--proc", "/proc", "--dev", "/dev", "--size", String(fileSizeBytes), "--tmpfs", "/tmp",
        ]
        var seen = Set<String>()
        for path in readOnly where seen.insert(path).inserted && !path.hasPrefix("/usr/") {
            a += ["--ro-bind", path, path]
        }
        a += ["--remount-ro", "/", "--chdir", "/tmp"]
        return a
    }

    /// Processes of this user now (RLIMIT_NPROC counts them all, so the limit is relative).
    static func processCount() -> Int {
        let uid = getuid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var n = 0
        for e in entries where e.first?.isNumber == true {
            var st = stat()
            if stat("/proc/" + e, &st) == 0 && st.st_uid == uid { n += 1 }
        }
        return n
    }

    /// An executable in the usual system folders (never from the user's PATH, which a spec could not set anyway).
    static func executable(_ name: String) -> String? {
        ExecutableLookup.find(name, in: ExecutableLookup.systemFolders)
    }

    /// Whether bubblewrap is installed and can start a sandbox like the real one here (probed once, then
    /// remembered for the process; two loads starting together may both probe).
    static func bubblewrap() async -> Swift.Result<String, LoaderError> {
        if let known = probed.withLock({ $0 }) { return known }
        let r = await probeBubblewrap()
        probed.withLock { $0 = r }
        return r
    }

    private static let probed = Mutex<Swift.Result<String, LoaderError>?>(nil)

    private static func probeBubblewrap() async -> Swift.Result<String, LoaderError> {
        guard let bwrap = executable("bwrap") else {
            return .failure(.sandboxUnavailable(reason: "bwrap is not installed"))
        }
        guard let truePath = executable("true") else {
            return .failure(.sandboxUnavailable(reason: "no true(1) to probe with"))
        }
        let argv =
            [bwrap] + bubblewrapArguments(environment: ["PATH": "/usr/bin:/bin"], readOnly: []) + ["--", truePath]
        let caps = ProcessRunner.Caps(seconds: 10, outputBytes: 1 << 20, keptBytes: 4096, irBytes: nil)
        guard
            let r = try? await ProcessRunner.run(
                argv, environment: ["PATH": "/usr/bin:/bin"], directory: nil, caps: caps)
        else {
            return .failure(.sandboxUnavailable(reason: "cannot run \(bwrap)"))
        }
        if r.ending == .exited(0) { return .success(bwrap) }
        let why = String(decoding: r.stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .failure(
            .sandboxUnavailable(reason: why.isEmpty ? "\(bwrap) failed (\(r.ending))" : TerminalText.escape(why)))
    }
}
