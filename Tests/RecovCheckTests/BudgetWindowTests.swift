import Foundation
import RecovIR
import Testing

@testable import RecovCheck

// Budgets per period, worked by hand. The attacker drains exactly 10 at a time, at most once
// every 100 s (`last` is the time of its last drain, at least 100 s before the trigger), and
// nothing stops it: drains at T, T+100, T+200, ... A window of `per` seconds holds the pairs of
// states less than `per` apart (rolling) or in one [T + k·per, T + (k+1)·per) (fixed).

private func drainEvery100s() -> Build {
    var b = Build()
    b.model.state = [
        StateVar(name: "stolen", type: .int, min: 0, max: 1_000, initial: .int(0), loc: here),
        StateVar(name: "last", type: .int, min: 0, max: 1_000_000, loc: here),
    ]
    b.model.entities = [EntityDecl(name: "A", loc: here), EntityDecl(name: "B", loc: here)]
    b.incident.assumptions = [
        Assertion(name: "quiet", expr: .apply(.le, [.apply(.add, [.variable("last"), .int(100)]), .now]), loc: here)
    ]
    b.incident.attacks = [
        Action(
            name: "drain", guardExpr: .apply(.ge, [.now, .apply(.add, [.variable("last"), .int(100)])]),
            effects: [
                Effect(
                    .assign(target: "stolen", index: nil, value: .apply(.add, [.variable("stolen"), .int(10)])),
                    loc: here),
                Effect(.assign(target: "last", index: nil, value: .now), loc: here),
            ],
            loc: here)
    ]
    // A procedure needs a step: the honest A files a report (it stops nothing) within 1000 s.
    b.model.state.append(StateVar(name: "reported", type: .bool, initial: .bool(false), loc: here))
    b.model.keys = [KeyDecl(name: "k", holder: "A", loc: here)]
    b.model.roles = [Role(name: "reporter", rule: .key("k"), allowUnilateral: "files a report", loc: here)]
    b.model.actions = [
        Action(
            name: "report", by: ["reporter"],
            effects: [Effect(.assign(target: "reported", index: nil, value: .bool(true)), loc: here)], loc: here)
    ]
    b.procedure.steps = [
        Step(name: "report", action: "report", role: "reporter", within: 1_000, writes: ["reported"], loc: here)
    ]
    b.procedure.trigger = Assertion(name: "trigger", expr: .bool(true), loc: here)
    return b
}

private func budget(_ max: Int, per: Int?, _ window: BlastRadius.WindowKind?, depth: Int = 6) -> CheckResult {
    var b = drainEvery100s()
    b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: max, per: per, window: window, loc: here)
    #expect(Validator().diagnose(b.program).isEmpty, "\(Validator().diagnose(b.program))")
    var options = CheckOptions(depth: depth, timeoutSeconds: 30)
    options.proofs = false
    return BoundedModelChecker(world: b.world, options: options).check(.blastRadius)
}

@Test func rollingWindowOfExactlyTheGapHoldsOneDrain() {
    // Drains 100 s apart are never less than 100 s apart: 10 per rolling window of 100 s.
    let r = budget(10, per: 100, .rolling)
    #expect(r.verdict == .holds, "\(r.message)")
    #expect(r.worstCase == 10)
    #expect(r.message.contains("no rolling window of 1m 40s loses more than 10"))
}

@Test func rollingWindowOneSecondLongerHoldsTwoDrains() throws {
    // Drains at T and T+100 are 100 s apart, inside a window of 101 s: 20 lost, after 3 transitions.
    let r = budget(10, per: 101, .rolling)
    #expect(r.verdict == .violated)
    let cex = try #require(r.counterexample)
    #expect(cex.steps.count == 4, "drain, 100 s, drain")
    #expect(r.message.contains("20 lost in that window, over the per-window budget of 10 by 10"), "\(r.message)")
    #expect(
        r.message.contains("within one rolling window of 1m 41s (from 0s to 1m 41s after the trigger)"), "\(r.message)")
}

@Test func fixedWindowsSplitTheDrainsAtTheirBoundary() {
    // [T, T+100), [T+100, T+200), ...: one drain each.
    #expect(budget(10, per: 100, .fixed).verdict == .holds)
    // [T, T+200): drains at T and T+100; the third, at T+200, opens the next window.
    #expect(budget(20, per: 200, .fixed).verdict == .holds)
}

@Test func fixedWindowLongerThanTheGapHoldsTwoDrains() {
    let r = budget(10, per: 150, .fixed)
    #expect(r.verdict == .violated)
    #expect(
        r.message.contains("within fixed window 1 of 2m 30s (from 0s to 2m 30s after the trigger): 20 lost"),
        "\(r.message)")
}

@Test func aRollingWindowSeesWhatFixedWindowsSplit() {
    // Fixed windows of 250 s: drains at T, T+100, T+200 (30) in the first. Rolling windows of
    // 200 s: at most 2 drains (T+0 and T+200 are not less than 200 s apart); of 201 s: 3.
    #expect(budget(20, per: 250, .fixed).verdict == .violated)
    #expect(budget(20, per: 200, .rolling).verdict == .holds)
    #expect(budget(20, per: 201, .rolling).verdict == .violated)
}

@Test func wholeTraceBudgetFailsWhereTheDailyOneHolds() {
    // The same 20 over the whole trace: the third drain breaks it; per fixed 200 s it holds.
    #expect(budget(20, per: nil, nil).verdict == .violated)
    #expect(budget(20, per: 200, .fixed, depth: 8).verdict == .holds)
}

@Test func perWindowBudgetsAreNotProvedByTheInvariantEngines() {
    // A frame of one state and its successor cannot express pairs of a window: bounded only.
    var b = drainEvery100s()
    b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 10, per: 100, window: .rolling, loc: here)
    let r = BoundedModelChecker(world: b.world, options: CheckOptions(depth: 4, timeoutSeconds: 30)).check(.blastRadius)
    #expect(r.verdict == .holds, "\(r.verdict) \(r.message)")
}

@Test func windowedBudgetValidation() {
    var b = drainEvery100s()
    b.procedure.blastRadius = BlastRadius(
        loss: .variable("stolen"), max: 10, per: 0, window: .rolling,
        loc: SourceLocation(file: "s.swift", line: 9, column: 5))
    #expect(
        Validator().diagnose(b.program).map(\.message).contains { $0.contains("must be a positive number of seconds") })
    b.procedure.blastRadius = BlastRadius(
        loss: .variable("stolen"), max: 10, per: nil, window: .fixed,
        loc: SourceLocation(file: "s.swift", line: 9, column: 5))
    let d = Validator().diagnose(b.program)
    #expect(d.contains { $0.message.contains("needs its length (per:)") && $0.location?.line == 9 }, "\(d)")
}

@Test func blastRadiusWireFormatStaysCompatible() throws {
    let old = #"{"loss":{"op":"var","name":"stolen"},"max":60,"loc":{"file":"s.swift","line":3,"column":5}}"#
    let b = try JSONDecoder().decode(BlastRadius.self, from: Data(old.utf8))
    #expect(b.per == nil && b.window == nil && b.windowKind == nil)
    // Encoding a whole-trace budget writes no new key; a per-period one without `window` is rolling.
    let text = String(decoding: try JSONEncoder().encode(b), as: UTF8.self)
    #expect(!text.contains("per") && !text.contains("window"))
    let perDay =
        #"{"loss":{"op":"var","name":"stolen"},"max":60,"per":86400,"loc":{"file":"s.swift","line":3,"column":5}}"#
    #expect(try JSONDecoder().decode(BlastRadius.self, from: Data(perDay.utf8)).window == .rolling)
}
