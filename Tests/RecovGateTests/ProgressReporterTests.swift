import Foundation
import RecovCheck
import RecovIR
import Testing

@testable import RecovReport

/// Collects what the reporter writes, with a clock the test moves by hand.
private final class Sink: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var now = Date(timeIntervalSince1970: 1_000_000)
    func write(_ s: String) {
        lock.lock()
        text += s
        lock.unlock()
    }
    var written: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
    func advance(_ seconds: Double) {
        lock.lock()
        now += seconds
        lock.unlock()
    }
    var time: Date {
        lock.lock()
        defer { lock.unlock() }
        return now
    }
}

private func result(_ procedure: String, _ rule: Rule) -> CheckResult {
    CheckResult(procedure: procedure, rule: rule, verdict: .holds, message: "", depth: 10, location: .unknown)
}

@Suite struct ProgressReporterTests {
    @Test func liveRedrawsOneLineWithCountsElapsedAndTheRunningCheck() {
        let sink = Sink()
        let p = ProgressReporter(mode: .live, write: { sink.write($0) }, clock: { sink.time })
        p.begin(total: 3)
        p.started(CheckJob(procedure: "Pause", rule: .sanity))
        sink.advance(75)
        p.finished(result("Pause", .sanity))
        p.started(CheckJob(procedure: "Pause", rule: .blastRadius))
        #expect(p.status() == "1/3 checks · 1:15 · Pause blast-radius")
        p.stop()
        let out = sink.written
        #expect(out.hasPrefix("\r\u{1B}[K"))
        #expect(!out.contains("\n"), "a live line never scrolls")
        #expect(out.hasSuffix("\r\u{1B}[K"), "stop clears the line")
    }

    @Test func plainPrintsWholeLinesAtMostEveryInterval() {
        let sink = Sink()
        let p = ProgressReporter(mode: .plain, plainInterval: 5, write: { sink.write($0) }, clock: { sink.time })
        p.begin(total: 2)
        p.started(CheckJob(procedure: "A", rule: .sanity))
        #expect(sink.written.isEmpty, "nothing before the interval has passed")
        sink.advance(6)
        p.finished(result("A", .sanity))
        p.started(CheckJob(procedure: "A", rule: .invariant))
        let lines = sink.written.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("recovcheck: progress: 1/2 checks · 0:06") == true)
        #expect(!sink.written.contains("\u{1B}"))
    }

    @Test func namesFromSpecsCannotMoveTheCursor() {
        let sink = Sink()
        let p = ProgressReporter(mode: .live, write: { sink.write($0) }, clock: { sink.time })
        p.begin(total: 1)
        p.started(CheckJob(procedure: "evil\u{1B}[2J\rfake", rule: .sanity))
        #expect(p.status().contains("evil\\u{1B}[2J\\u{D}fake"))
    }

    @Test func offWritesNothing() {
        let sink = Sink()
        let p = ProgressReporter(mode: .off, write: { sink.write($0) }, clock: { sink.time })
        p.begin(total: 1)
        p.started(CheckJob(procedure: "A", rule: .sanity))
        sink.advance(100)
        p.finished(result("A", .sanity))
        p.stop()
        #expect(sink.written.isEmpty)
        #expect(ProgressReporter.mode(quiet: true) == .off)
    }
}
