import RecovIR
import Testing

@testable import RecovCheck

/// Hand-worked cases for the explorer's reading of per-role minimum coalitions and escalation
/// (docs/semantics.md, *Minimum coalitions* and `no-unilateral-control`), each compared with the
/// checker too.
///
/// Three honest entities A, B, C hold one key each (k1, k2, k3); role `ms` is a multisig over the
/// three keys; the procedure's one step sets `done` through `ms`. Nothing is compromised.
/// - `ms` 2 of 3 with `.minCoalition(3)`: A and B together (2 < 3) satisfy it in the initial
///   state: violated at depth 0. With 3 of 3 no coalition of 2 does: holds. 2 of 3 with the
///   model's minimum (2): a coalition of 2 is allowed: holds.
/// - Escalation through an accepted role: `pauser` is k1's key role, `.allowUnilateral`, and its
///   action grants A the power of k2. A alone (size 1, allowed to hold `pauser`) grants itself k2,
///   then controls k1 and k2: 2 of 3, `ms` satisfied by one entity: violated at depth 1, the move
///   being the coalition's own. If the action changes no authority: holds.
/// - Escalation through a role with a smaller minimum: `ms` 3 of 3 with `.minCoalition(3)`, `pair`
///   2 of {k1, k2} (the model's minimum, 2) whose action rotates k3 to B. A and B (size 2,
///   allowed to hold `pair`) rotate k3, then hold all three keys: `ms` satisfied by 2 < 3:
///   violated at depth 1. The attacker alone cannot: without escalation the rule would hold.
@Suite struct CoalitionMinimumTests {
    static let at = SourceLocation(file: "hand.swift", line: 1, column: 1)

    static func program(threshold: Int, minCoalition: Int?, extraRole: Role? = nil, extraEffect: Effect.Change? = nil)
        -> Program
    {
        var m = Model(name: "M", loc: at)
        m.state = [StateVar(name: "done", type: .bool, initial: .bool(false), loc: at)]
        m.entities = ["A", "B", "C"].map { EntityDecl(name: $0, loc: at) }
        m.keys = [
            KeyDecl(name: "k1", holder: "A", loc: at), KeyDecl(name: "k2", holder: "B", loc: at),
            KeyDecl(name: "k3", holder: "C", loc: at),
        ]
        m.roles = [
            Role(
                name: "ms", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: threshold), minCoalition: minCoalition,
                loc: at)
        ]
        m.actions = [
            Action(
                name: "finish", by: ["ms"],
                effects: [Effect(.assign(target: "done", index: nil, value: .bool(true)), loc: at)], loc: at)
        ]
        if let r = extraRole, let e = extraEffect {
            m.roles.append(r)
            m.actions.append(Action(name: "move", by: [r.name], effects: [Effect(e, loc: at)], loc: at))
        }
        let inc = Incident(name: "I", model: "M", loc: at)
        var p = Procedure(
            name: "P", model: "M", incident: "I", trigger: Assertion(name: "t", expr: .bool(true), loc: at), loc: at)
        p.steps = [Step(name: "s0", action: "finish", role: "ms", writes: ["done"], loc: at)]
        return Program(models: [m], incidents: [inc], procedures: [p])
    }

    /// The explorer's shortest violation of `no-unilateral-control` (nil: none up to `depth`),
    /// after checking that the checker agrees (verdict, depth, the counterexample confirmed).
    func explorerDepth(_ p: Program, depth: Int = 3, throughEscalation: Bool = false) throws -> Int? {
        #expect(Validator().diagnose(p).isEmpty, "\(Validator().diagnose(p))")
        let checker = Checker(program: p, options: CheckOptions(depth: depth, timeoutSeconds: 60))
        let world = try #require(checker.world(for: "P"))
        let r = Explorer(world: world, depth: depth).explore(rules: [.noUnilateralControl])
        #expect(r.evalErrors.isEmpty, "\(r.evalErrors)")
        #expect(r.referenceMismatches.isEmpty, "\(r.referenceMismatches)")
        #expect(r.depthCompleted == depth)
        #expect(r.violationThroughEscalation == throughEscalation)
        let o = Differential.compare(p, depth: depth, rules: [.noUnilateralControl], timeout: 60)
        #expect(o.disagreements.isEmpty, "\(o.disagreements)")
        return r.violation[.noUnilateralControl]
    }

    /// The checker's counterexample, for what it shows.
    func counterexample(_ p: Program, depth: Int = 3) throws -> Counterexample {
        let checker = Checker(program: p, options: CheckOptions(depth: depth, timeoutSeconds: 60))
        let r = checker.run(CheckJob(procedure: "P", rule: .noUnilateralControl))
        #expect(r.verdict == .violated, "\(r.message)")
        return try #require(r.counterexample)
    }

    @Test func roleMinimumOfThreeMetByTwoIsViolated() throws {
        #expect(try explorerDepth(Self.program(threshold: 2, minCoalition: 3)) == 0)
        #expect(try counterexample(Self.program(threshold: 2, minCoalition: 3)).coalition?.count == 2)
    }

    @Test func roleMinimumOfThreeNeedingThreeHolds() throws {
        #expect(try explorerDepth(Self.program(threshold: 3, minCoalition: 3)) == nil)
    }

    @Test func twoOfThreeUnderTheModelsMinimumHolds() throws {
        #expect(try explorerDepth(Self.program(threshold: 2, minCoalition: nil)) == nil)
    }

    static let pauser = Role(name: "pauser", rule: .key("k1"), allowUnilateral: "pausing only", loc: at)

    @Test func acceptedRoleAsTheFirstEscalationStepIsViolated() throws {
        let p = Self.program(
            threshold: 2, minCoalition: nil, extraRole: Self.pauser, extraEffect: .grant(key: "k2", entity: "A"))
        #expect(try explorerDepth(p, throughEscalation: true) == 1)
        let cex = try counterexample(p)
        #expect(cex.coalition == ["A"])
        #expect(cex.steps.last?.transition?.kind == .coalition)
    }

    @Test func acceptedRoleThatMovesNoAuthorityHolds() throws {
        let p = Self.program(
            threshold: 2, minCoalition: nil, extraRole: Self.pauser,
            extraEffect: .assign(target: "done", index: nil, value: .bool(true)))
        #expect(try explorerDepth(p) == nil)
    }

    @Test func escalationThroughARoleWithASmallerMinimumIsViolated() throws {
        let pair = Role(name: "pair", rule: .multisig(keys: ["k1", "k2"], threshold: 2), loc: Self.at)
        let p = Self.program(
            threshold: 3, minCoalition: 3, extraRole: pair, extraEffect: .rotateKey(key: "k3", entity: "B"))
        #expect(try explorerDepth(p, throughEscalation: true) == 1)
        let cex = try counterexample(p)
        #expect(Set(cex.coalition ?? []) == ["A", "B"])
        #expect(cex.steps.last?.transition?.kind == .coalition)
    }

    /// The same rotation through a role that needs all three: no coalition of two may use it.
    @Test func noEscalationThroughARoleTheCoalitionIsTooSmallFor() throws {
        let trio = Role(
            name: "trio", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: 3), minCoalition: 3, loc: Self.at)
        let p = Self.program(
            threshold: 3, minCoalition: 3, extraRole: trio, extraEffect: .rotateKey(key: "k3", entity: "B"))
        #expect(try explorerDepth(p) == nil)
    }
}
