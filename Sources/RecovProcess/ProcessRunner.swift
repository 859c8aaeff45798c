import CSpawn
import Foundation
import Subprocess

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The one way recovcheck runs another program (the spec program in its sandbox, the bubblewrap
/// probe, the Swift compiler, git), through swift-subprocess: standard input from /dev/null, in
/// its own session and process group, with exactly the environment given, no other inherited
/// descriptor and its signal mask and dispositions reset. Standard output, standard error and
/// optionally an IR FIFO are read through pipes with size caps; the whole group is killed at the
/// time limit, when a cap is exceeded, and once the program has exited (so nothing it started
/// outlives it in the group), and orphans it left behind are killed too (see `killOrphans`).
public struct ProcessRunner {
    /// Caps on what the program may produce, and how long it may run.
    public struct Caps: Sendable {
        /// Wall-clock seconds before the group is killed.
        public var seconds: Double
        /// Bytes of standard output plus standard error before the program is stopped.
        public var outputBytes: Int
        /// Bytes of standard output and of standard error kept (the tail) for error messages.
        public var keptBytes: Int
        /// Bytes written to the IR FIFO before the program is stopped; `nil`: no IR channel.
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
        /// Everything written to the IR FIFO (at most `Caps.irBytes`).
        public var ir: Data
        /// The last `Caps.keptBytes` of standard output and standard error.
        public var stdoutTail: Data
        public var stderrTail: Data
        /// Bytes the program wrote to standard output and standard error together.
        public var outputBytes: Int
    }

    /// Spawns `argv` (argv[0] an absolute path) with exactly `environment`, in `directory`. With
    /// `caps.irBytes`, the program's IR channel is a FIFO the runner makes at `irPath` (which must
    /// not exist; it is removed afterwards): the program opens it by path and writes its IR there,
    /// apart from its standard output (swift-subprocess hands a child descriptors 0-2 only).
    public static func run(
        _ argv: [String], environment: [String: String], directory: String?, caps: Caps, irPath: String? = nil
    ) async throws -> Output {
        // Orphans of the program (even ones in a new session) become our children: see killOrphans.
        _ = recov_set_child_subreaper()
        // Read ends kept here, every one close-on-exec; the write ends go to the child.
        var readEnds: [Int32] = []
        defer { for fd in readEnds where fd >= 0 { close(fd) } }
        var writeEnds: [Int32] = []
        do {
            try makePipes(2, readEnds: &readEnds, writeEnds: &writeEnds)
        } catch {
            for fd in writeEnds { close(fd) }
            throw error
        }
        if caps.irBytes != nil {
            guard let irPath else { throw failure("no path for the IR channel of \(argv[0])") }
            readEnds.append(try openFIFO(irPath))
        }
        defer { if caps.irBytes != nil, let irPath { unlink(irPath) } }
        // Marks the program's descendants (see killOrphans).
        let runToken = UUID().uuidString
        var environment = environment
        environment["RECOVCHECK_RUN"] = runToken

        var options = PlatformOptions()
        // A new session makes the child the leader of a new process group (pgid = pid).
        options.createSession = true
        // If this task is cancelled or the collection throws: the whole group, at once.
        options.teardownSequence = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .zero)]
        // Sorted, so the program sees the same environment on every run. Each entry ends in a NUL:
        // swift-subprocess passes raw entries to strdup (without it, strdup reads past the array).
        let env = environment.sorted { $0.key < $1.key }.map { Array("\($0.key)=\($0.value)".utf8) + [0] }
        let outputs = (readEnds: readEnds, caps: caps)
        let result: ExecutionResult<Collected, FileDescriptorOutput, FileDescriptorOutput>
        do {
            result = try await Subprocess.run(
                .path(FilePath(argv[0])), arguments: Arguments(Array(argv.dropFirst())), environment: .custom(env),
                workingDirectory: directory.map { FilePath($0) }, platformOptions: options, input: .none,
                output: .fileDescriptor(FileDescriptor(rawValue: writeEnds[0]), closeAfterSpawningProcess: true),
                error: .fileDescriptor(FileDescriptor(rawValue: writeEnds[1]), closeAfterSpawningProcess: true)
            ) { execution in
                // On a thread of its own, not the cooperative pool: the time limit must hold even
                // when every pool thread is busy (with two cores, two long checks fill it).
                await withCheckedContinuation { (done: CheckedContinuation<Collected, Never>) in
                    let reader = Thread {
                        done.resume(returning: collect(execution, readEnds: outputs.readEnds, caps: outputs.caps))
                    }
                    reader.name = "recovcheck process reader"
                    reader.start()
                }
            }
        } catch let error as SubprocessError {
            throw failure("cannot run \(argv[0]): \(error)")
        }
        let pid = result.processIdentifier.value
        killOrphans(session: pid, token: "RECOVCHECK_RUN=" + runToken)
        let c = result.closureResult
        let ending: Ending
        switch result.terminationStatus {
        case .exited(let code): ending = .exited(code)
        case .signaled(let signal): ending = .signaled(signal)
        }
        return Output(
            ending: c.ending ?? ending, ir: c.ir, stdoutTail: c.stdout.data, stderrTail: c.stderr.data,
            outputBytes: c.stdout.total + c.stderr.total)
    }

    /// What `collect` read, and the ending it caused (a time limit or a cap), if any.
    private struct Collected: Sendable {
        var ending: Ending?
        var ir = Data()
        var stdout: TailBuffer
        var stderr: TailBuffer
    }

    /// Reads `readEnds` (standard output, standard error, and the IR FIFO if there is one) as the
    /// program writes, in one poll loop so no pipe can fill while another is waited on (each poll
    /// waits at most 10 ms, so the time limit and the program's exit are seen promptly); kills the
    /// group at the time limit or a cap, and once the program has exited (then reads what is left
    /// for at most 2 s: an escaped process may hold a pipe open). Blocks its thread.
    private static func collect(
        _ execution: Execution<NoInput, FileDescriptorOutput, FileDescriptorOutput>, readEnds: [Int32], caps: Caps
    ) -> Collected {
        var c = Collected(stdout: TailBuffer(keep: caps.keptBytes), stderr: TailBuffer(keep: caps.keptBytes))
        var open = readEnds.map { _ in true }
        // The FIFO never reports end of file (the runner holds it open for writing too): it is read
        // until the program is over and then until it is empty.
        let fifo = readEnds.count > 2 ? 2 : nil
        var exited = false
        let deadline = Date().addingTimeInterval(caps.seconds)
        var drainUntil: Date?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let process = execution.processIdentifier

        func killGroup() {
            try? execution.send(signal: .kill, toProcessGroup: true)
            try? execution.send(signal: .kill)
        }

        while true {
            if !exited && hasExited(process) {
                exited = true
                // The program is done: nothing it started may outlive it.
                killGroup()
                drainUntil = Date().addingTimeInterval(2)
            }
            let pipesOpen = open.indices.contains { open[$0] && $0 != fifo }
            if exited && (!pipesOpen || Date() >= drainUntil!) {
                if let fifo, open[fifo] { drain(readEnds[fifo], into: &c, cap: caps.irBytes ?? 0, buffer: &buffer) }
                break
            }
            if !exited && Date() >= deadline {
                if c.ending == nil { c.ending = .timedOut }
                killGroup()
            }
            var polls = readEnds.indices.filter { open[$0] }.map {
                pollfd(fd: readEnds[$0], events: Int16(POLLIN), revents: 0)
            }
            if polls.isEmpty {
                usleep(10_000)
            } else if poll(&polls, nfds_t(polls.count), 10) <= 0 {
                continue
            } else {
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
                    case 0: c.stdout.append(chunk)
                    case 1: c.stderr.append(chunk)
                    default:
                        if c.ir.count + got > caps.irBytes ?? 0 {
                            if c.ending == nil { c.ending = .irTooLarge }
                            killGroup()
                            open[i] = false
                        } else {
                            c.ir.append(contentsOf: chunk)
                        }
                    }
                    if c.stdout.total + c.stderr.total > caps.outputBytes && c.ending == nil {
                        c.ending = .outputTooLarge
                        killGroup()
                        open[0] = false
                        open[1] = false
                    }
                }
            }
        }
        return c
    }

    /// Reads what is left in the IR FIFO (non-blocking) once the program is over.
    private static func drain(_ fd: Int32, into c: inout Collected, cap: Int, buffer: inout [UInt8]) {
        while true {
            let got = read(fd, &buffer, buffer.count)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return }
            if c.ir.count + got > cap {
                if c.ending == nil { c.ending = .irTooLarge }
                return
            }
            c.ir.append(contentsOf: buffer[0..<got])
        }
    }

    /// Whether the program has ended (its pidfd is readable). swift-subprocess reaps it after the
    /// collection, so until then its pid cannot be reused and signals to it or its group are safe.
    private static func hasExited(_ process: ProcessIdentifier) -> Bool {
        if process.processDescriptor >= 0 {
            var p = pollfd(fd: process.processDescriptor, events: Int16(POLLIN), revents: 0)
            return poll(&p, 1, 0) > 0
        }
        // No pidfd (a kernel before 5.3): a zombie or no process.
        guard let stat = try? String(contentsOfFile: "/proc/\(process.value)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }

    /// Creates `count` pipes, appending their ends (as they are created, so the caller closes
    /// them whatever happens), every one close-on-exec.
    private static func makePipes(_ count: Int, readEnds: inout [Int32], writeEnds: inout [Int32]) throws {
        for _ in 0..<count {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw failure("cannot create a pipe: \(String(cString: strerror(errno)))") }
            // Close-on-exec from here on (Swift's Glibc does not expose pipe2).
            let r = fcntl(fds[0], F_DUPFD_CLOEXEC, 3)
            let w = fcntl(fds[1], F_DUPFD_CLOEXEC, 3)
            close(fds[0])
            close(fds[1])
            readEnds.append(r)
            writeEnds.append(w)
        }
    }

    /// Makes a FIFO at `path` (this user only) and opens it for reading, non-blocking. It is held
    /// open for writing too, so the program's open never waits and the runner never sees an end
    /// of file before the program is over (a program that closes it early loses nothing).
    private static func openFIFO(_ path: String) throws -> Int32 {
        guard mkfifo(path, 0o600) == 0 else {
            throw failure("cannot make the IR channel \(path): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let why = String(cString: strerror(errno))
            unlink(path)
            throw failure("cannot open the IR channel \(path): \(why)")
        }
        return fd
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
