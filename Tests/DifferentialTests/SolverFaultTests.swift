import Foundation
import RecovCheck
import RecovIR
import Testing

/// Solver faults must surface as `error` (a Z3 error, with its message) or `unknown` (a timeout,
/// an undecided nonlinear query), never as `holds`.
@Suite struct SolverFaultTests {
    private static func loc(_ l: Int) -> RecovIR.SourceLocation {
        RecovIR.SourceLocation(file: "Faults.swift", line: l, column: 1)
    }

    /// A model with integers `x, y, z` in `lo...hi`, one step, and the given invariants.
    private static func world(invariants: [Expr], lo: Int = 1, hi: Int = 1_000_000_000, validate: Bool = true) -> World
    {
        var m = Model(name: "M", loc: loc(1))
        for v in ["x", "y", "z"] { m.state.append(StateVar(name: v, type: .int, min: lo, max: hi, loc: loc(2))) }
        m.state.append(StateVar(name: "paused", type: .bool, loc: loc(3)))
        m.entities = [EntityDecl(name: "A", loc: loc(4)), EntityDecl(name: "B", loc: loc(4))]
        m.keys = [KeyDecl(name: "k1", holder: "A", loc: loc(5)), KeyDecl(name: "k2", holder: "B", loc: loc(5))]
        let r = Role(name: "guardian", rule: .multisig(keys: ["k1", "k2"], threshold: 2), loc: loc(6))
        m.roles = [r]
        m.actions = [
            Action(
                name: "pause", by: ["guardian"],
                effects: [Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: loc(7))], loc: loc(7))
        ]
        m.invariants = invariants.enumerated().map { Assertion(name: "inv\($0.offset)", expr: $0.element, loc: loc(8)) }
        let inc = Incident(name: "I", model: "M", loc: loc(9))
        var p = Procedure(
            name: "P", model: "M", incident: "I", trigger: Assertion(name: "t", expr: .bool(true), loc: loc(10)),
            loc: loc(10))
        p.steps = [Step(name: "s", action: "pause", role: "guardian", within: 10, writes: ["paused"], loc: loc(11))]
        let program = Program(models: [m], incidents: [inc], procedures: [p])
        if validate { #expect(Validator().diagnose(program).isEmpty, "\(Validator().diagnose(program))") }
        return World(model: m, incident: inc, procedure: p)
    }

    private static func v(_ n: String) -> Expr { .variable(n) }
    private static func mul(_ a: Expr, _ b: Expr) -> Expr { .apply(.mul, [a, b]) }

    @Test func z3ErrorBecomesErrorWithItsMessage() {
        // An ill-sorted invariant (bool == int) that only bypassing the validator can produce:
        // Z3 rejects it, and the verdict must be `error` carrying Z3's message.
        let w = Self.world(invariants: [.apply(.eq, [Self.v("paused"), .int(1)])], validate: false)
        let r = BoundedModelChecker(world: w, options: CheckOptions(depth: 2, timeoutSeconds: 10)).check(.invariant)
        #expect(r.verdict == .error, "\(r.verdict): \(r.message)")
        #expect(r.message.contains("solver error"), "\(r.message)")
        #expect(r.message.lowercased().contains("sort"), "Z3's own message is missing: \(r.message)")
    }

    @Test func timeoutBecomesUnknown() {
        // x^3 + y^3 != z^3 (Fermat, n = 3) over large ranges: true, but far beyond a 10 ms budget.
        let fermat = Expr.apply(
            .ne,
            [
                .apply(
                    .add,
                    [
                        Self.mul(Self.mul(Self.v("x"), Self.v("x")), Self.v("x")),
                        Self.mul(Self.mul(Self.v("y"), Self.v("y")), Self.v("y")),
                    ]),
                Self.mul(Self.mul(Self.v("z"), Self.v("z")), Self.v("z")),
            ])
        let w = Self.world(invariants: [fermat])
        let r = BoundedModelChecker(world: w, options: CheckOptions(depth: 1, timeoutSeconds: 0.01)).check(.invariant)
        #expect(r.verdict == .unknown, "\(r.verdict): \(r.message)")
        #expect(!r.verdict.passes)
    }

    @Test func undecidedNonlinearArithmeticIsNeverAPass() {
        // x^2 != 2 y^2 has no solution in positive integers (sqrt 2 is irrational); nonlinear
        // integer arithmetic is undecidable and Z3 does not prove it within a few seconds.
        let sqrt2 = Expr.apply(
            .ne, [Self.mul(Self.v("x"), Self.v("x")), Self.mul(.int(2), Self.mul(Self.v("y"), Self.v("y")))])
        let w = Self.world(invariants: [sqrt2], hi: 1_000_000_000_000)
        let r = BoundedModelChecker(world: w, options: CheckOptions(depth: 1, timeoutSeconds: 3)).check(.invariant)
        #expect(r.verdict == .unknown, "\(r.verdict): \(r.message)")
        #expect(!r.verdict.passes)
    }

    @Test func nonlinearViolationIsStillFoundAndReplayed() {
        // The other side: a nonlinear invariant that is false must be reported violated, not unknown.
        let w = Self.world(invariants: [.apply(.ne, [Self.mul(Self.v("x"), Self.v("y")), .int(12)])], hi: 100)
        let r = BoundedModelChecker(world: w, options: CheckOptions(depth: 1, timeoutSeconds: 10)).check(.invariant)
        #expect(r.verdict == .violated, "\(r.verdict): \(r.message)")
    }
}
