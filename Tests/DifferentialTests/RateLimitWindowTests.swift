import RecovIR
import Testing

@testable import RecovCheck

/// Hand-worked cases for the explorer's reading of rate limits and budgets per period (the
/// *Windows* argument of docs/differential-testing.md), each compared with the checker too.
///
/// The attacker steals 1 per spend of a rate limit of 1 per fixed window of 2 s aligned to time 0
/// (`lim.used`, `lim.window`, lowered as the DSL does); `stolen` counts it. With the trigger at an
/// odd time `T`, a steal at `T` and one a second later (`T + 1`, already the next window of the
/// limit) are two steals within one second: 3 transitions (steal, tick 1, steal). An even trigger
/// needs 2 s between them. So:
/// - rolling budget of 1 per 2 s: violated at depth 3 (only through an odd trigger time);
/// - fixed budget of 1 per 2 s (aligned to the trigger): violated at depth 3 (times T and T + 1
///   share the budget's window [T, T + 2));
/// - rolling budget of 1 per 1 s: only steals at one instant count, and the limit allows one per
///   instant: holds (at every depth);
/// - budget of 2 per 2 s, rolling: two steals a second apart, a third needs the next window of
///   the limit, 2 s after the first: holds.
@Suite struct RateLimitWindowTests {
    static func program(per: Int, window: BlastRadius.WindowKind?, max: Int) -> Program {
        let at = SourceLocation(file: "hand.swift", line: 1, column: 1)
        var m = Model(name: "M", loc: at)
        m.state = [
            StateVar(name: "stolen", type: .int, min: 0, max: 10, initial: .int(0), loc: at),
            StateVar(name: "done", type: .bool, initial: .bool(false), loc: at),
            StateVar(name: "lim.used", type: .int, min: 0, max: 1, initial: .int(0), loc: at),
            StateVar(name: "lim.window", type: .int, min: 0, max: maxLiteralMagnitude, loc: at),
        ]
        let current = Expr.apply(.div, [.now, .int(2)])
        m.assumptions = [Assertion(name: "lim window", expr: .apply(.eq, [.variable("lim.window"), current]), loc: at)]
        m.entities = [EntityDecl(name: "E0", loc: at), EntityDecl(name: "E1", loc: at)]
        m.keys = [KeyDecl(name: "K0", holder: "E0", loc: at), KeyDecl(name: "K1", holder: "E1", loc: at)]
        m.roles = [Role(name: "ms", rule: .multisig(keys: ["K0", "K1"], threshold: 2), loc: at)]
        m.actions = [
            Action(
                name: "finish", by: ["ms"],
                effects: [Effect(.assign(target: "done", index: nil, value: .bool(true)), loc: at)], loc: at)
        ]
        var inc = Incident(name: "I", model: "M", loc: at)
        let after = Expr.apply(
            .add,
            [
                .apply(.ite, [.apply(.gt, [current, .variable("lim.window")]), .int(0), .variable("lim.used")]),
                .int(1),
            ])
        inc.attacks = [
            Action(
                name: "steal",
                guardExpr: .apply(
                    .and,
                    [
                        .apply(.ge, [.int(1), .int(0)]), .apply(.le, [current, .int(maxLiteralMagnitude)]),
                        .apply(.le, [after, .int(1)]),
                    ]),
                effects: [
                    Effect(
                        .assign(target: "stolen", index: nil, value: .apply(.add, [.variable("stolen"), .int(1)])),
                        loc: at),
                    Effect(.assign(target: "lim.used", index: nil, value: after), loc: at),
                    Effect(.assign(target: "lim.window", index: nil, value: current), loc: at),
                ],
                live: .bool(true), loc: at)
        ]
        var p = Procedure(
            name: "P", model: "M", incident: "I", trigger: Assertion(name: "t", expr: .bool(true), loc: at), loc: at)
        p.steps = [Step(name: "s0", action: "finish", role: "ms", after: 6, within: 6, writes: ["done"], loc: at)]
        p.blastRadius = BlastRadius(loss: .variable("stolen"), max: max, per: per, window: window, loc: at)
        return Program(models: [m], incidents: [inc], procedures: [p])
    }

    func explorerDepth(_ p: Program, depth: Int) throws -> Int? {
        #expect(Validator().diagnose(p).isEmpty, "\(Validator().diagnose(p))")
        let checker = Checker(program: p, options: CheckOptions(depth: depth, timeoutSeconds: 60))
        let world = try #require(checker.world(for: "P"))
        let r = Explorer(world: world, depth: depth).explore(rules: [.blastRadius])
        #expect(r.evalErrors.isEmpty, "\(r.evalErrors)")
        #expect(r.depthCompleted == depth)
        let o = Differential.compare(p, depth: depth, rules: [.blastRadius], timeout: 60)
        #expect(o.disagreements.isEmpty, "\(o.disagreements)")
        return r.violation[.blastRadius]
    }

    @Test func rollingBudgetSeesStealsAcrossTheLimitsWindowBoundary() throws {
        #expect(try explorerDepth(Self.program(per: 2, window: nil, max: 1), depth: 4) == 3)
    }

    @Test func fixedBudgetAlignedToTheTrigger() throws {
        #expect(try explorerDepth(Self.program(per: 2, window: .fixed, max: 1), depth: 4) == 3)
    }

    @Test func oneSecondRollingBudgetHolds() throws {
        #expect(try explorerDepth(Self.program(per: 1, window: .rolling, max: 1), depth: 4) == nil)
    }

    @Test func budgetOfTwoPerTwoSecondsHolds() throws {
        #expect(try explorerDepth(Self.program(per: 2, window: .rolling, max: 2), depth: 5) == nil)
    }
}
