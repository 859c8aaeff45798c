import Foundation
import RecovCheck
import RecovIR
import Testing

@testable import RecovGate

/// The checks' durations kept in the cache folder to start the longest first.
@Suite struct CheckDurationsTests {
    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("recovcheck-durations-\(UUID().uuidString)").path
    }

    func result(_ procedure: String, _ rule: Rule, cpu: Double) -> CheckResult {
        var r = CheckResult(
            procedure: procedure, rule: rule, verdict: .proved, message: "", depth: 10, location: .unknown, seconds: 99)
        r.cpuSeconds = cpu
        return r
    }

    @Test func recordedCPUSecondsAreReadBackAndUpdated() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = CheckDurations(directory: dir)
        let a = CheckJob(procedure: "A", rule: .blastRadius)
        let b = CheckJob(procedure: "B", rule: .sanity)
        #expect(d.seconds(of: [a, b]).isEmpty, "no file: no history")
        d.record([result("A", .blastRadius, cpu: 12.5), result("B", .sanity, cpu: 0.25)])
        #expect(d.seconds(of: [a, b]) == [a: 12.5, b: 0.25])
        d.record([result("A", .blastRadius, cpu: 3)])
        #expect(d.seconds(of: [a, b]) == [a: 3, b: 0.25], "an update keeps the other checks")
        #expect(d.seconds(of: [b]) == [b: 0.25])
    }

    @Test func anUnreadableFileIsAnEmptyHistory() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let d = CheckDurations(directory: dir)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: d.path))
        #expect(d.seconds(of: [CheckJob(procedure: "A", rule: .sanity)]).isEmpty)
        d.record([result("A", .sanity, cpu: 1)])
        #expect(d.seconds(of: [CheckJob(procedure: "A", rule: .sanity)]).count == 1, "rewritten")
    }

    @Test func theStalestEntriesGoPastTheCapacity() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = CheckDurations(directory: dir)
        let old = (0..<CheckDurations.capacity).map { result("P\($0)", .sanity, cpu: 1) }
        d.record(old)
        d.record([result("New", .invariant, cpu: 2)])
        let all = d.seconds(
            of: old.map { CheckJob(procedure: $0.procedure, rule: $0.rule) } + [
                CheckJob(procedure: "New", rule: .invariant)
            ])
        #expect(all.count == CheckDurations.capacity)
        #expect(all[CheckJob(procedure: "New", rule: .invariant)] == 2)
    }
}
