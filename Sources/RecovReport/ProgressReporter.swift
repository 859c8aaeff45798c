import Foundation
import RecovCheck
import RecovIR

/// Progress of a run on standard error, so standard output stays clean for the report formats.
///
/// On a terminal (`live`) one line is redrawn in place: checks done / total, elapsed time and the
/// checks running now. Elsewhere (`plain`, CI logs) a whole line is printed at most every
/// `plainInterval` seconds, and only once the run has taken that long. `off` prints nothing.
public final class ProgressReporter: @unchecked Sendable {
    /// How progress is shown.
    public enum Mode: Sendable, Equatable { case live, plain, off }

    /// `live` on a terminal (unless `TERM=dumb`), `plain` otherwise, `off` when `quiet`.
    public static func mode(quiet: Bool, fileDescriptor: Int32 = STDERR_FILENO,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Mode {
        if quiet { return .off }
        if isatty(fileDescriptor) == 1 && environment["TERM"] != "dumb" { return .live }
        return .plain
    }

    private let mode: Mode
    private let plainInterval: Double
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private let start: Date
    private var total = 0
    private var done = 0
    private var phase = ""
    private var running: [CheckJob] = []
    private var lastPlain: Date
    private var liveWidth = 0
    private var ticker: Thread?
    private var stopped = false

    /// - Parameters:
    ///   - write: where text goes (standard error by default).
    ///   - clock: the time source (tests pass their own).
    public init(mode: Mode, plainInterval: Double = 5,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.mode = mode
        self.plainInterval = plainInterval
        self.write = write
        self.clock = clock
        start = clock()
        lastPlain = start
    }

    /// Starts a background tick (once a second) so a long check still moves the elapsed time.
    public func startTicking() {
        guard mode != .off else { return }
        let thread = Thread { [weak self] in
            while let self, !self.isStopped {
                Thread.sleep(forTimeInterval: 1)
                self.tick()
            }
        }
        lock.lock(); ticker = thread; lock.unlock()
        thread.start()
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    /// A phase before the checks, e.g. "compiling 6 spec file(s)".
    public func phase(_ text: String) {
        lock.lock(); phase = text; lock.unlock()
        tick()
    }

    /// The number of checks this run will solve or look up.
    public func begin(total: Int) {
        lock.lock(); self.total = total; phase = ""; lock.unlock()
        tick()
    }

    /// A check started.
    public func started(_ job: CheckJob) {
        lock.lock(); running.append(job); lock.unlock()
        tick()
    }

    /// A check finished (solved or from the cache).
    public func finished(_ result: CheckResult) {
        lock.lock()
        done += 1
        if let i = running.firstIndex(where: { $0.procedure == result.procedure && $0.rule == result.rule }) { running.remove(at: i) }
        lock.unlock()
        tick()
    }

    /// Clears the live line; no output after this.
    public func stop() {
        lock.lock()
        stopped = true
        let clear = mode == .live && liveWidth > 0
        lock.unlock()
        if clear { write("\r\u{1B}[K") }
    }

    /// The status text, e.g. `12/112 checks · 0:14 · LendingPause containment-time`.
    public func status() -> String {
        lock.lock(); defer { lock.unlock() }
        return statusLocked()
    }

    private func statusLocked() -> String {
        var parts: [String] = []
        parts.append(total > 0 || phase.isEmpty ? "\(done)/\(total) checks" : phase)
        parts.append(Self.elapsed(clock().timeIntervalSince(start)))
        if let first = running.first {
            let more = running.count > 1 ? " (+\(running.count - 1) more)" : ""
            parts.append("\(TerminalText.escape(first.procedure)) \(first.rule.rawValue)\(more)")
        }
        return parts.joined(separator: " · ")
    }

    private func tick() {
        lock.lock()
        guard !stopped else { lock.unlock(); return }
        let now = clock()
        var text: String?
        switch mode {
        case .off:
            break
        case .live:
            var line = "recovcheck: " + statusLocked()
            if line.count > 118 { line = String(line.prefix(117)) + "…" }
            liveWidth = line.count
            text = "\r\u{1B}[K" + line
        case .plain:
            if now.timeIntervalSince(lastPlain) >= plainInterval {
                lastPlain = now
                text = "recovcheck: progress: " + statusLocked() + "\n"
            }
        }
        lock.unlock()
        if let text { write(text) }
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func elapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
