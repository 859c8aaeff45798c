import Foundation
import RecovCheck
import RecovIR
import Synchronization

/// Progress of a run on standard error, so standard output stays clean for the report formats.
///
/// On a terminal (`live`) one line is redrawn in place: checks done / total, elapsed time and the
/// checks running now. Elsewhere (`plain`, CI logs) a whole line is printed at most every
/// `plainInterval` seconds, and only once the run has taken that long. `off` prints nothing.
public final class ProgressReporter: Sendable {
    /// How progress is shown.
    public enum Mode: Sendable, Equatable { case live, plain, off }

    /// `live` on a terminal (unless `TERM=dumb`), `plain` otherwise, `off` when `quiet`.
    public static func mode(
        quiet: Bool, fileDescriptor: Int32 = STDERR_FILENO,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Mode {
        if quiet { return .off }
        if isatty(fileDescriptor) == 1 && environment["TERM"] != "dumb" { return .live }
        return .plain
    }

    /// What changes during a run, behind one lock.
    private struct Progress {
        var total = 0
        var done = 0
        var phase = ""
        var running: [CheckJob] = []
        var lastPlain: Date
        var liveWidth = 0
        var ticker: Task<Void, Never>?
        var stopped = false
    }

    private let mode: Mode
    private let plainInterval: Double
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date
    private let start: Date
    private let progress: Mutex<Progress>

    /// - Parameters:
    ///   - write: where text goes (standard error by default).
    ///   - clock: the time source (tests pass their own).
    public init(
        mode: Mode, plainInterval: Double = 5,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.mode = mode
        self.plainInterval = plainInterval
        self.write = write
        self.clock = clock
        start = clock()
        progress = Mutex(Progress(lastPlain: start))
    }

    /// Starts a background tick (once a second) so a long check still moves the elapsed time;
    /// `stop()` cancels it.
    public func startTicking() {
        guard mode != .off else { return }
        let ticker = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self, !Task.isCancelled else { return }
                self.tick()
            }
        }
        progress.withLock { $0.ticker = ticker }
    }

    /// A phase before the checks, e.g. "compiling 6 spec file(s)".
    public func phase(_ text: String) {
        progress.withLock { $0.phase = text }
        tick()
    }

    /// The number of checks this run will solve or look up.
    public func begin(total: Int) {
        progress.withLock {
            $0.total = total
            $0.phase = ""
        }
        tick()
    }

    /// A check started.
    public func started(_ job: CheckJob) {
        progress.withLock { $0.running.append(job) }
        tick()
    }

    /// A check finished (solved or from the cache).
    public func finished(_ result: CheckResult) {
        progress.withLock { p in
            p.done += 1
            if let i = p.running.firstIndex(where: { $0.procedure == result.procedure && $0.rule == result.rule }) {
                p.running.remove(at: i)
            }
        }
        tick()
    }

    /// Clears the live line and stops the tick; no output after this.
    public func stop() {
        let (clear, ticker) = progress.withLock { p in
            p.stopped = true
            defer { p.ticker = nil }
            return (mode == .live && p.liveWidth > 0, p.ticker)
        }
        ticker?.cancel()
        if clear { write("\r\u{1B}[K") }
    }

    /// The status text, e.g. `12/112 checks · 0:14 · LendingPause containment-time`.
    public func status() -> String {
        progress.withLock { status(of: $0) }
    }

    private func status(of p: Progress) -> String {
        var parts: [String] = []
        parts.append(p.total > 0 || p.phase.isEmpty ? "\(p.done)/\(p.total) checks" : p.phase)
        parts.append(Self.elapsed(clock().timeIntervalSince(start)))
        if let first = p.running.first {
            let more = p.running.count > 1 ? " (+\(p.running.count - 1) more)" : ""
            parts.append("\(TerminalText.escape(first.procedure)) \(first.rule.rawValue)\(more)")
        }
        return parts.joined(separator: " · ")
    }

    private func tick() {
        let now = clock()
        let text: String? = progress.withLock { p in
            guard !p.stopped else { return nil }
            switch mode {
            case .off:
                return nil
            case .live:
                var line = "recovcheck: " + status(of: p)
                if line.count > 118 { line = String(line.prefix(117)) + "…" }
                p.liveWidth = line.count
                return "\r\u{1B}[K" + line
            case .plain:
                guard now.timeIntervalSince(p.lastPlain) >= plainInterval else { return nil }
                p.lastPlain = now
                return "recovcheck: progress: " + status(of: p) + "\n"
            }
        }
        // Written under no lock: `write` may block on a full pipe.
        if let text { write(text) }
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func elapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
