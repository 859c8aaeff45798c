import Foundation
import RecovIR
import Testing

@testable import RecovCheck

private let regressions: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/regressions")

/// Cases run by `swift test`; `RECOVCHECK_DIFF_CASES=5000` (or scripts/differential.sh) runs more,
/// `RECOVCHECK_DIFF_SEED` moves the first seed. Only 8 by default: with the widened generator and
/// three proof engines a debug-build case takes 20–180 s (seed 9 far more), and 200 no longer fit
/// in CI's time; the long runs are scripts/differential.sh's job (docs/differential-testing.md).
private let caseCount = ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_CASES"].flatMap(Int.init) ?? 8
private let firstSeed = ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_SEED"].flatMap(UInt64.init) ?? 1
/// `RECOVCHECK_DIFF_ONLY=veto` keeps only the seeds whose program has a timelock with a veto role
/// (to re-run, after the veto semantics changed, the seeds of earlier runs it can affect).
private let onlyVeto = ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_ONLY"] == "veto"
/// Worker threads (`RECOVCHECK_DIFF_WORKERS`, default 2; 1 keeps a long run on one core).
private let workers = max(1, ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_WORKERS"].flatMap(Int.init) ?? 2)

@Suite struct DifferentialTests {
    @Test func generatedProgramsAreWellFormed() {
        for seed in UInt64(1)...200 {
            let p = Differential.program(seed: seed)
            #expect(Validator().diagnose(p).isEmpty, "seed \(seed): \(Validator().diagnose(p))")
        }
    }

    /// The checker and the explicit-state explorer agree on every generated case.
    @Test func checkerAgreesWithExplorer() async throws {
        let acc = Tally()
        let seeds = Array(firstSeed..<(firstSeed + UInt64(caseCount))).filter { seed in
            !onlyVeto
                || Differential.program(seed: seed).models.contains { m in
                    m.roles.contains {
                        if case .timelock(let t) = $0.rule { return t.vetoBy != nil } else { return false }
                    }
                }
        }
        let shrinkDir = ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_SHRINK_DIR"]
        let started = Date()
        // The cases run on threads of their own, not on the cooperative pool this test is called
        // on: blocking that pool (2 threads on 2 cores) would starve every async test beside it.
        await onOwnThreads(workers) { worker in
            for (i, seed) in seeds.enumerated() where i % workers == worker {
                let p = Differential.program(seed: seed)
                let depth = Differential.depth(forSeed: seed)
                let caseStarted = Date()
                let o = Differential.compare(p, depth: depth)
                let took = Date().timeIntervalSince(caseStarted)
                if took > 5 { print("  slow case: seed \(seed) took \(Int(took)) s") }
                var shrunk: String?
                if let first = o.disagreements.first, let dir = shrinkDir {
                    let small = Differential.shrink(p, depth: depth, rule: first.rule)
                    let path = dir + "/seed\(seed)-\(first.rule.rawValue)-d\(depth).json"
                    try? Differential.json(small).write(toFile: path, atomically: true, encoding: .utf8)
                    shrunk = path
                }
                if (i + 1) % 1000 == 0 {
                    print(
                        "differential progress: case \(i + 1) of \(seeds.count) (seed \(seed)), \(Int(Date().timeIntervalSince(started))) s"
                    )
                }
                acc.addDeeper(o.deeperDepths, depth: depth)
                acc.addEscalations(o.escalations)
                acc.addVacuousConstants(o.vacuousConstants)
                acc.add(o.seconds)
                acc.add(
                    o.violations, o.explorerStates, proved: o.proved,
                    o.disagreements.map {
                        "seed \(seed) depth \(depth): \($0)" + (shrunk.map { " (shrunk: \($0))" } ?? "")
                    },
                    o.inconclusive.map { "seed \(seed): \($0)" })
            }
        }
        let (violations, states, failures, inconclusive) = acc.values
        let elapsed = Date().timeIntervalSince(started)
        let rate = String(format: "%.2f", Double(seeds.count) / max(elapsed, 0.001))
        print(
            "differential: \(seeds.count) cases from seed \(firstSeed) in \(Int(elapsed)) s (\(rate) cases/s, \(workers) worker(s)), \(violations) violations found by both, \(acc.proved) proved (none violated within depth + \(Differential.proofMargin), or the first \(Differential.proofStateBudget) states of it), \(failures.count) disagreements, \(inconclusive.count) inconclusive, \(states) explorer states"
        )
        print("differential: \(acc.deeperText)")
        print(
            "differential: \(acc.escalationCount) no-unilateral-control violations found by both only through the coalition's own moves (escalation)"
        )
        print(
            "differential: \(acc.vacuousConstantCount) blast-radius or no-collateral-loss checks vacuous (the loss or the claim never changes), the explorer seeing no change either"
        )
        print("differential: \(acc.secondsText(cases: seeds.count))")
        for u in inconclusive.prefix(20) { print("  inconclusive: \(u)") }
        for f in failures { print("  DISAGREEMENT: \(f)") }
        #expect(failures.isEmpty, "\(failures.count) disagreement(s):\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Every saved regression (a shrunk former disagreement, `name-dN.json`) now agrees.
    @Test func regressionFixturesAgree() throws {
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: regressions.path))?.filter { $0.hasSuffix(".json") }
            .sorted() ?? []
        for f in files {
            let data = try Data(contentsOf: regressions.appendingPathComponent(f))
            let p = try JSONDecoder().decode(Program.self, from: data)
            #expect(Validator().diagnose(p).isEmpty, "\(f) is not well-formed")
            let depth = f.split(separator: "-").last.flatMap { Int($0.dropFirst().prefix { $0.isNumber }) } ?? 3
            let o = Differential.compare(p, depth: depth)
            #expect(o.disagreements.isEmpty, "\(f): \(o.disagreements)")
        }
    }
}

/// Runs `body(0..<n)` each on a thread of its own and returns when all are done, without
/// blocking a thread of the cooperative pool while they run.
private func onOwnThreads(_ n: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for w in 0..<n {
            group.enter()
            Thread.detachNewThread {
                body(w)
                group.leave()
            }
        }
        group.notify(queue: .global()) { done.resume() }
    }
}

/// Totals written by the worker threads.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var violations = 0, states = 0
    private var failures: [String] = [], inconclusive: [String] = []
    private var provedCount = 0
    func add(_ v: Int, _ s: Int, proved: Int = 0, _ f: [String], _ i: [String]) {
        lock.lock()
        violations += v
        states += s
        provedCount += proved
        failures += f
        inconclusive += i
        lock.unlock()
    }
    var proved: Int {
        lock.lock()
        defer { lock.unlock() }
        return provedCount
    }
    private var escalations = 0
    func addEscalations(_ n: Int) {
        lock.lock()
        escalations += n
        lock.unlock()
    }
    var escalationCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return escalations
    }
    private var vacuousConstants = 0
    func addVacuousConstants(_ n: Int) {
        lock.lock()
        vacuousConstants += n
        lock.unlock()
    }
    var vacuousConstantCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return vacuousConstants
    }
    /// Procedures with a `proved` check whose deeper exploration reached depth + 2, + 1, + 0.
    private var deeper = [0, 0, 0]
    func addDeeper(_ depths: [Int], depth: Int) {
        lock.lock()
        for d in depths { deeper[max(0, min(2, d - depth))] += 1 }
        lock.unlock()
    }
    var deeperText: String {
        lock.lock()
        defer { lock.unlock() }
        return
            "behind proofs the explorer reached depth+2 on \(deeper[2]), depth+1 on \(deeper[1]), depth+0 on \(deeper[0]) procedure(s)"
    }
    /// CPU seconds per part of the comparisons.
    private var seconds = Differential.Seconds()
    func add(_ s: Differential.Seconds) {
        lock.lock()
        seconds += s
        lock.unlock()
    }
    func secondsText(cases: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        let checker = seconds.checker.values.reduce(0, +)
        let total = max(seconds.explorer + seconds.deeper + checker, 1e-9)
        func part(_ x: Double) -> String { String(format: "%.0f s (%.0f%%)", x, 100 * x / total) }
        let perRule = seconds.checker.sorted { $0.value > $1.value }.map {
            "\($0.key.rawValue) \(String(format: "%.0f", $0.value))"
        }.joined(separator: ", ")
        return
            "CPU \(String(format: "%.3f", total / Double(max(cases, 1)))) s per case: explorer \(part(seconds.explorer)), deeper exploration behind proofs \(part(seconds.deeper)), checker \(part(checker)) [\(perRule)]"
    }
    var values: (Int, Int, [String], [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (violations, states, failures, inconclusive)
    }
}

/// Diagnostics for one seed: `RECOVCHECK_DIFF_PROBE=38 swift test --filter probeSeed` prints the
/// program, the explorer's and the checker's timings and verdicts.
@Suite struct DifferentialProbe {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_PROBE"] != nil))
    func probeSeed() {
        let seed = UInt64(ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_PROBE"]!)!
        let p = Differential.program(seed: seed)
        let depth = Differential.depth(forSeed: seed)
        print(Differential.json(p))
        for proc in p.procedures {
            let world = World(program: p, procedure: proc)!
            var t = Date()
            let ex = Explorer(world: world, depth: depth).explore(rules: Differential.rules)
            print(
                "\(proc.name): explorer: \(Date().timeIntervalSince(t)) s, \(ex.statesExplored) states, \(ex.initialStates) initial, violations \(ex.violation)"
            )
            for rule in Differential.rules {
                t = Date()
                let r = BoundedModelChecker(
                    world: world, options: CheckOptions(depth: depth, timeoutSeconds: 20, minimizationChecks: 16)
                ).check(rule)
                print(
                    "\(proc.name): checker \(rule.rawValue): \(Date().timeIntervalSince(t)) s: \(r.verdict.rawValue) \(r.message) depth \(r.counterexample.map { $0.steps.count - 1 } ?? -1)"
                )
            }
        }
    }
}
