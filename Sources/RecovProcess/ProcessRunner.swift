import CSpawn
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one way recovcheck runs another program (the spec program in its sandbox, the bubblewrap
/// probe, the Swift compiler, git): standard input from /dev/null, standard output, standard
/// error and optionally an IR descriptor (fd 3) read through pipes with size caps, in its own
/// session and process group, with exactly the environment given and no other inherited
/// descriptor; the whole group is killed at the time limit, when a cap is exceeded, and once the
/// program has exited (so nothing it started outlives it in the group), and orphans it left
/// behind are killed too (see `killOrphans`). docs/design-notes.md says why this is not
/// swift-subprocess.
public struct ProcessRunner {
    /// Caps on what the program may produce, and how long it may run.
    public struct Caps: Sendable {
        /// Wall-clock seconds before the group is killed.
        public var seconds: Double
        /// Bytes of standard output plus standard error before the program is stopped.
        public var outputBytes: Int
        /// Bytes of standard output and of standard error kept (the tail) for error messages.
        public var keptBytes: Int
        /// Bytes written to fd 3 before the program is stopped; `nil`: the program gets no fd 3.
        public var irBytes: Int?

        public init(seconds: Double, outputBytes: Int, keptBytes: Int, irBytes: Int?) {
            self.seconds = seconds
            self.outputBytes = outputBytes
            self.keptBytes = keptBytes
            self.irBytes = irBytes
        }
    }

    /// How the program ended.
    public enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case outputTooLarge
        case irTooLarge
    }

    /// What the program produced, and how it ended.
    public struct Output: Sendable {
        public var ending: Ending
        /// Everything written to fd 3 (at most `Caps.irBytes`).
        public var ir: Data
        /// The last `Caps.keptBytes` of standard output and standard error.
        public var stdoutTail: Data
        public var stderrTail: Data
        /// Bytes the program wrote to standard output and standard error together.
        public var outputBytes: Int
    }

    /// Spawns `argv` (argv[0] an absolute path) with exactly `environment`, in `directory`.
    public static func run(_ argv: [String], environment: [String: String], directory: String?, caps: Caps) throws
        -> Output
    {
        // Orphans of the program (even ones in a new session) become our children: see killOrphans.
        _ = recov_set_child_subreaper()
        // Two or three pipes, read ends kept here.
        var readEnds: [Int32] = []
        var writeEnds: [Int32] = []
        defer { for fd in readEnds + writeEnds where fd >= 0 { close(fd) } }
        try makePipes(caps.irBytes == nil ? 2 : 3, readEnds: &readEnds, writeEnds: &writeEnds)
        // Marks the program's descendants (see killOrphans).
        let runToken = "RECOVCHECK_RUN=" + UUID().uuidString
        let pid = try spawn(
            argv, environment: environment, directory: directory, writeEnds: writeEnds, runToken: runToken)
        for fd in writeEnds { close(fd) }
        writeEnds = []

        var out = TailBuffer(keep: caps.keptBytes)
        var err = TailBuffer(keep: caps.keptBytes)
        var ir = Data()
        var open = readEnds.map { _ in true }
        var ending: Ending?
        var status: Int32 = 0
        var exited = false
        let deadline = Date().addingTimeInterval(caps.seconds)
        var drainUntil: Date?
        var buffer = [UInt8](repeating: 0, count: 65_536)

        func killGroup() {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }

        while true {
            if !exited {
                let w = waitpid(pid, &status, WNOHANG)
                if w == pid || (w < 0 && errno == ECHILD) {
                    exited = true
                    // The program is done: nothing it started may outlive it.
                    killGroup()
                    drainUntil = Date().addingTimeInterval(2)
                }
            }
            if exited && (!open.contains(true) || Date() >= drainUntil!) { break }
            if !exited && Date() >= deadline {
                ending = .timedOut
                killGroup()
            }
            var polls = readEnds.indices.filter { open[$0] }.map {
                pollfd(fd: readEnds[$0], events: Int16(POLLIN), revents: 0)
            }
            if polls.isEmpty {
                usleep(5_000)
                continue
            }
            let n = poll(&polls, nfds_t(polls.count), 20)
            if n <= 0 { continue }
            for p in polls where p.revents != 0 {
                guard let i = readEnds.firstIndex(of: p.fd) else { continue }
                let got = read(p.fd, &buffer, buffer.count)
                if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if got <= 0 {
                    open[i] = false
                    continue
                }
                let chunk = buffer[0..<got]
                switch i {
                case 0: out.append(chunk)
                case 1: err.append(chunk)
                default:
                    if ir.count + got > caps.irBytes ?? 0 {
                        if ending == nil { ending = .irTooLarge }
                        killGroup()
                        open[i] = false
                    } else {
                        ir.append(contentsOf: chunk)
                    }
                }
                if out.total + err.total > caps.outputBytes && ending == nil {
                    ending = .outputTooLarge
                    killGroup()
                    open[0] = false
                    open[1] = false
                }
            }
        }
        if !exited {
            killGroup()
            waitpid(pid, &status, 0)
        }
        killOrphans(session: pid, token: runToken)
        return Output(
            ending: ending ?? Self.ending(waitStatus: status), ir: ir, stdoutTail: out.data, stderrTail: err.data,
            outputBytes: out.total + err.total)
    }

    /// Creates `count` pipes, appending their ends (as they are created, so the caller closes
    /// them whatever happens); descriptors are moved above 9 so dup2 onto 1…3 always copies.
    private static func makePipes(_ count: Int, readEnds: inout [Int32], writeEnds: inout [Int32]) throws {
        for _ in 0..<count {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw failure("cannot create a pipe: \(String(cString: strerror(errno)))") }
            let r = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
            let w = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
            close(fds[0])
            close(fds[1])
            readEnds.append(r)
            writeEnds.append(w)
        }
    }

    /// How a program ended by its own doing, from its `waitpid` status.
    private static func ending(waitStatus status: Int32) -> Ending {
        let low = status & 0x7f
        return low == 0 ? .exited((status >> 8) & 0xff) : .signaled(low)
    }

    /// Starts `argv` in a new session with `environment` plus `runToken`, standard input from
    /// /dev/null and `writeEnds` as descriptors 1, 2 (and 3); every other descriptor closed.
    private static func spawn(
        _ argv: [String], environment: [String: String], directory: String?, writeEnds: [Int32],
        runToken: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnds[0], 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnds[1], 2)
        if writeEnds.count > 2 { posix_spawn_file_actions_adddup2(&actions, writeEnds[2], 3) }
        posix_spawn_file_actions_addclosefrom_np(&actions, Int32(writeEnds.count + 1))
        if let directory { posix_spawn_file_actions_addchdir_np(&actions, directory) }

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        posix_spawnattr_setsigdefault(&attr, &allSignals)  // SIGPIPE & co. back to their defaults
        // A new session makes the child the leader of a new process group (pgid = pid).
        posix_spawnattr_setflags(
            &attr, Int16(recov_POSIX_SPAWN_SETSID | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)))

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var environment = environment
        environment["RECOVCHECK_RUN"] = String(runToken.dropFirst("RECOVCHECK_RUN=".count))
        let cEnv: [UnsafeMutablePointer<CChar>?] =
            environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw failure("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Kills and reaps the processes the program left behind: as child subreaper we inherit them,
    /// and they are the children of this process that are in the program's session (`session`) or
    /// carry its run token in their environment (`token`) — never recovcheck's other children
    /// (compilers, other spec programs running concurrently). Repeats while new ones appear, so a
    /// forking process cannot outrun it. (A process that both leaves the session and replaces its
    /// environment escapes; the bubblewrap sandbox's pid namespace does not have that gap.)
    static func killOrphans(session: pid_t, token: String) {
        let me = getpid()
        let marker = Array(token.utf8)
        for _ in 0..<100 {
            var found: [pid_t] = []
            for e in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(e), let stat = try? String(contentsOfFile: "/proc/\(e)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { continue }
                // "pid (comm) state ppid pgrp session …": the fields after the command name.
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                guard fields.count > 3, pid_t(fields[1]) == me else { continue }
                let inSession = pid_t(fields[3]) == session
                let env = FileManager.default.contents(atPath: "/proc/\(e)/environ").map { [UInt8]($0) } ?? []
                let tagged = !marker.isEmpty && env.split(separator: 0).contains { Array($0) == marker }
                if inSession || tagged { found.append(pid) }
            }
            if found.isEmpty { return }
            for pid in found { kill(pid, SIGKILL) }
            for pid in found {
                var st: Int32 = 0
                waitpid(pid, &st, 0)
            }
        }
    }

    static func failure(_ message: String) -> Error {
        RunnerError(message: message)
    }

    /// A program could not be started.
    public struct RunnerError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
