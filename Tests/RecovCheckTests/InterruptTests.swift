import Foundation
import RecovIR
import RecovSMT
import Synchronization
import Testing

@testable import RecovCheck

/// Cancelling a run interrupts the running check's Z3 contexts (it is not abandoned), its answer
/// is discarded (never a pass), and no further check starts. Deterministic: the run is cancelled
/// from the `started` callback of its first check, before that check's thread runs.
@Suite struct InterruptTests {
    @Test func cancellingARunInterruptsTheRunningCheckAndStartsNoMore() async {
        var b = Build.pausable(threshold: 1)
        b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
        let checker = Checker(program: b.program, options: CheckOptions(depth: 5))
        let jobs = checker.jobs
        let finished = Finished()
        let outcomes = await Task {
            await checker.outcomes(
                jobs, parallelism: 1,
                started: { _ in withUnsafeCurrentTask { $0?.cancel() } },
                progress: { _ in finished.count() })
        }.value
        #expect(outcomes.count == jobs.count)
        guard case .interrupted(let contexts) = outcomes.first else {
            Issue.record("the running check was not interrupted: \(String(describing: outcomes.first))")
            return
        }
        #expect(contexts >= 1, "no Z3 context of the check was interrupted")
        #expect(outcomes.dropFirst().allSatisfy { if case .notStarted = $0 { true } else { false } })
        #expect(finished.value == 0, "an interrupted check was reported as done")
    }

    @Test func theGateReportsAnInterruptedCheckAsUnknown() async {
        var b = Build.pausable(threshold: 1)
        b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
        let checker = Checker(program: b.program, options: CheckOptions(depth: 5))
        let results = await Task {
            await checker.run(checker.jobs, parallelism: 2, started: { _ in withUnsafeCurrentTask { $0?.cancel() } })
        }.value
        #expect(results.count == checker.jobs.count)
        #expect(results.allSatisfy { $0.verdict == .unknown }, "\(results.map(\.verdict))")
    }

    @Test func anInterruptReachesLiveContextsAndLaterChecksAnswerUnknown() throws {
        let handle = Z3Interrupt()
        try Z3Interrupt.$current.withValue(handle) {
            let ctx = Z3Context()
            let solver = Z3Solver(ctx)
            solver.assert(ctx.eq(ctx.intConst("x"), ctx.int(1)))
            let before = try solver.check()
            #expect(before == .sat)
            handle.interrupt()
            #expect(handle.contextsInterrupted == 1)
            let after = try solver.check()
            #expect(after == .unknown("canceled"))
            _ = Z3Context()  // made after the interrupt: interrupted at once
            #expect(handle.contextsInterrupted == 2)
        }
        let unrelated = Z3Context()
        let solver = Z3Solver(unrelated)
        solver.assert(unrelated.eq(unrelated.intConst("x"), unrelated.int(1)))
        let answer = try solver.check()
        #expect(answer == .sat, "a context made outside the handle is not interrupted")
    }
}

/// Counts `progress` calls from the checks' tasks.
private final class Finished: Sendable {
    private let n = Mutex(0)
    func count() { n.withLock { $0 += 1 } }
    var value: Int { n.withLock { $0 } }
}
