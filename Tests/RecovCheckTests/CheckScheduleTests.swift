import Foundation
import RecovIR
import Synchronization
import Testing

@testable import RecovCheck

/// The start order of a run's checks (`CheckSchedule`), and that it changes nothing but the order
/// in which checks start: `Checker.outcomes` returns the same results, in job order.
@Suite struct CheckScheduleTests {
    let jobs = [
        CheckJob(procedure: "A", rule: .sanity), CheckJob(procedure: "A", rule: .blastRadius),
        CheckJob(procedure: "A", rule: .invariant), CheckJob(procedure: "B", rule: .sanity),
        CheckJob(procedure: "B", rule: .blastRadius), CheckJob(procedure: "B", rule: .invariant),
    ]

    @Test func withoutHistoryTheRulesWeightsOrderTheChecksAndTiesKeepJobOrder() {
        #expect(CheckSchedule().order(jobs) == [1, 4, 2, 5, 0, 3])
    }

    @Test func theHistoryOrdersTheChecksItKnowsLongestFirst() {
        let history: [CheckJob: Double] = [jobs[0]: 1, jobs[1]: 2, jobs[2]: 30, jobs[3]: 0.5, jobs[4]: 40, jobs[5]: 3]
        #expect(CheckSchedule(history: history).order(jobs) == [4, 2, 5, 1, 0, 3])
    }

    @Test func aCheckWithoutHistoryIsEstimatedInTheHistorysSeconds() {
        // A's checks took 192 s, 10 times their rules' weights together: B's are estimated at 10 times theirs.
        let history: [CheckJob: Double] = [jobs[0]: 3, jobs[1]: 49, jobs[2]: 140]
        let s = CheckSchedule(history: history)
        #expect(abs(s.costs(jobs)[4] - 100) < 1e-9)
        #expect(abs(s.costs(jobs)[5] - 90) < 1e-9)
        #expect(s.order(jobs) == [2, 4, 5, 1, 0, 3])
    }

    @Test func theOrderIsAPermutationOfTheJobs() {
        let history: [CheckJob: Double] = [jobs[3]: 99, jobs[0]: .infinity, jobs[1]: .nan, jobs[2]: -1]
        let order = CheckSchedule(history: history).order(jobs)
        #expect(order.sorted() == Array(jobs.indices))
        #expect(Array(order.prefix(4)) == [1, 4, 2, 5], "unusable durations are ignored (estimated from the rule)")
        #expect(CheckSchedule().order([]) == [])
    }

    @Test func outcomesStartInTheGivenOrderAndComeBackInJobOrder() async {
        var b = Build.pausable(threshold: 1)
        b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
        let checker = Checker(program: b.program, options: CheckOptions(depth: 5))
        let jobs = checker.jobs
        let reversed = Array(jobs.indices.reversed())
        let starts = Mutex<[CheckJob]>([])
        let plain = await checker.outcomes(jobs, parallelism: 1)
        let scheduled = await checker.outcomes(
            jobs, parallelism: 1, order: reversed,
            started: { job in starts.withLock { $0.append(job) } })
        #expect(starts.withLock { $0 } == reversed.map { jobs[$0] })
        func results(_ o: [Checker.JobOutcome]) -> [CheckResult] {
            o.compactMap {
                if case .done(var r) = $0 {
                    r.seconds = 0
                    r.cpuSeconds = 0
                    return r
                } else {
                    return nil
                }
            }
        }
        #expect(results(plain).count == jobs.count)
        #expect(results(plain) == results(scheduled))
        // Not a permutation of the indices: job order.
        let starts2 = Mutex<[CheckJob]>([])
        _ = await checker.outcomes(
            jobs, parallelism: 1, order: [0, 0, 1],
            started: { job in starts2.withLock { $0.append(job) } })
        #expect(starts2.withLock { $0 } == jobs)
    }
}
