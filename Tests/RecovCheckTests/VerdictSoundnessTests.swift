import RecovIR
import Testing

@testable import RecovCheck

/// Verdicts that must never pass or crash (issue 9, items 5, 6 and 13), on small IR programs.
@Suite struct VerdictSoundnessTests {
    private let options = CheckOptions(depth: 4, timeoutSeconds: 30)

    /// The pausable fixture with an invariant the attacker breaks in one move: stolen <= 10.
    private func leaky() -> Build {
        var b = Build.pausable()
        b.model.invariants = [Assertion(name: "little", expr: .apply(.le, [.variable("stolen"), .int(10)]), loc: here)]
        return b
    }

    @Test func shrinkGiveUpReportsTheUnshrunkReplayedCounterexample() throws {
        // Before: "internal error: the shrunk counterexample vanished" (exit 2).
        let b = leaky()
        var bmc = BoundedModelChecker(world: b.world, options: options)
        bmc.faults.shrinkGivesUp = true
        let r = bmc.check(.invariant)
        #expect(r.verdict == .violated, "\(r.verdict): \(r.message)")
        let cex = try #require(r.counterexample)
        #expect(cex.steps.count == 2, "still a shortest trace: \(cex.steps.count - 1) transitions")
        // The normal run agrees on the verdict and the depth.
        let normal = BoundedModelChecker(world: b.world, options: options).check(.invariant)
        #expect(normal.verdict == .violated && normal.counterexample?.steps.count == 2)
    }

    @Test func ruleSelectionAlwaysKeepsSanity() {
        let jobs = Checker(program: leaky().program, options: options).jobs
        let picked = Checker.select(rules: [.invariant], from: jobs)
        #expect(picked.map(\.rule) == [.sanity, .invariant])
        #expect(Checker.select(rules: [], from: jobs) == jobs)
        #expect(Checker.select(rules: [.sanity], from: jobs).map(\.rule) == [.sanity])
    }

    @Test func attackThatNeverFiresIsASanityError() {
        var b = Build.pausable()
        // The attack is live only while paused, and the trigger and initial value say not paused,
        // and only the procedure's pause... which then makes the attack live: so it fires.
        b.incident.attacks[0].live = .variable("paused")
        #expect(BoundedModelChecker(world: b.world, options: options).check(.sanity).verdict == .holds)
        // An attack whose guard contradicts its own `while:` never fires.
        b.incident.attacks[0].guardExpr = !.variable("paused")
        b.incident.attacks[0].loc = SourceLocation(file: "fixture.swift", line: 42, column: 3)
        let r = BoundedModelChecker(world: b.world, options: options).check(.sanity)
        #expect(r.verdict == .error, "\(r.verdict): \(r.message)")
        #expect(r.location.line == 42)
        #expect(r.message.contains("attack 'drain' can never fire"), "\(r.message)")
    }

    @Test func assumptionThatRulesTheAttackOutIsNamed() {
        var b = Build.pausable()
        b.incident.attacks[0].guardExpr = .apply(.lt, [.variable("stolen"), .int(5)])
        b.incident.assumptions = [
            Assertion(
                name: "alreadyStolen", expr: .apply(.ge, [.variable("stolen"), .int(5)]),
                loc: SourceLocation(file: "fixture.swift", line: 9, column: 5))
        ]
        b.procedure.trigger.expr = .bool(true)
        let r = BoundedModelChecker(world: b.world, options: options).check(.sanity)
        #expect(r.verdict == .error, "\(r.verdict): \(r.message)")
        #expect(
            r.message.contains("assumption 'alreadyStolen'") && r.message.contains("fixture.swift:9"), "\(r.message)")
    }

    @Test func containmentTrueAtTheTriggerIsASanityError() {
        var b = Build.pausable()
        b.model.state[0].initial = nil
        b.procedure.trigger.expr = .variable("paused")
        let r = BoundedModelChecker(world: b.world, options: options).check(.sanity)
        #expect(r.verdict == .error, "\(r.verdict): \(r.message)")
        #expect(r.message.contains("already holds whenever the trigger"), "\(r.message)")
        // Everything that held becomes an error too.
        let all = Checker.markVacuous([
            r, BoundedModelChecker(world: b.world, options: options).check(.containmentTime),
        ])
        #expect(all[1].verdict != .holds)
    }
}
