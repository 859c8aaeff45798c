import Foundation
import Testing

@testable import RecovIR

// Issue 14: the concrete meaning of Role.governor and Role.shutdownModule (hand-worked tallies),
// their wire form, and the validator's file:line errors for per-role coalitions, state-backed
// power at a snapshot and entity parameters.

private let here = SourceLocation(file: "v.swift", line: 7, column: 1)

private func votingWorld(_ g: Role.Governor, compromised: [String] = ["M"]) -> World {
    var m = Model(name: "V", loc: here)
    m.state = [
        StateVar(name: "mVotes", type: .int, min: 0, max: 500, loc: here),
        StateVar(name: "deposits", type: .int, min: 0, max: 500, loc: here),
    ]
    m.entities = ["A", "B", "X", "M"].map { EntityDecl(name: $0, loc: here) }
    m.roles = [
        Role(name: "dao", rule: .governor(g), loc: here),
        Role(
            name: "esm",
            rule: .shutdownModule(
                Role.ShutdownModule(
                    deposited: "deposits", threshold: 100,
                    holdings: [
                        VoteHolding(entity: "A", amount: .fixed(60)),
                        VoteHolding(entity: "M", amount: .variable("mVotes")),
                    ])), loc: here),
    ]
    m.actions = [Action(name: "act", by: ["dao", "esm"], loc: here)]
    var inc = Incident(name: "I", model: "V", loc: here)
    inc.compromised = compromised
    let p = Procedure(
        name: "P", model: "V", incident: "I", trigger: Assertion(name: "t", expr: .bool(true), loc: here), loc: here)
    return World(model: m, incident: inc, procedure: p)
}

private func governor(_ counts: QuorumCounting = .forVotes) -> Role.Governor {
    Role.Governor(
        votes: [
            VoteHolding(entity: "A", amount: .fixed(90)), VoteHolding(entity: "B", amount: .fixed(90)),
            VoteHolding(entity: "X", amount: .fixed(50)), VoteHolding(entity: "M", amount: .variable("mVotes")),
        ],
        quorum: 100, quorumCounts: counts, proposalThreshold: 10, abstaining: ["X"], measuredAt: .execution)
}

@Test func governorTallyIsLowTurnoutWithDeclaredAbstainers() {
    var s = State()
    s.ints["mVotes"] = 60
    s.ints["deposits"] = 30
    let w = votingWorld(governor())
    let rules = AuthorityRules(world: w)
    // The attacker alone: For 60, Against 0, Abstain 50 (X): 60 < 100 counting For only.
    #expect(!rules.satisfies("dao", in: s, attacker: true) { $0 == "M" })
    let t = rules.tally(w.model.roles[0], governor(), in: s, attacker: true, borrow: true) { $0 == "M" }
    #expect(t == AuthorityRules.Tally(forVotes: 60, against: 0, abstain: 50))
    // Counting For + Abstain: 110 ≥ 100 and For 60 > Against 0.
    let w2 = votingWorld(governor(.forAndAbstain))
    #expect(AuthorityRules(world: w2).satisfies("dao", in: s, attacker: true) { $0 == "M" })
    // A alone: For 90, Against 60 (the compromised M), quorum 90 < 100.
    #expect(!rules.satisfies("dao", in: s, attacker: false) { $0 == "A" })
    // Power as state: M holding 100 passes alone.
    s.ints["mVotes"] = 100
    #expect(rules.satisfies("dao", in: s, attacker: true) { $0 == "M" })
    // The honest entities together: For 230 against M's 100.
    #expect(rules.honestSatisfies("dao", in: s))
    // For must outnumber Against: the honest 230 against M holding 230 is a tie, which fails.
    s.ints["mVotes"] = 230
    #expect(!rules.honestSatisfies("dao", in: s))
}

@Test func shutdownModuleCountsEarlierDeposits() {
    var s = State()
    s.ints["mVotes"] = 20
    s.ints["deposits"] = 30
    let rules = AuthorityRules(world: votingWorld(governor()))
    #expect(!rules.satisfies("esm", in: s, attacker: false) { $0 == "A" })  // 30 + 60 < 100
    s.ints["deposits"] = 40
    #expect(rules.satisfies("esm", in: s, attacker: false) { $0 == "A" })  // 40 + 60 = 100
    #expect(!rules.satisfies("esm", in: s, attacker: true) { $0 == "M" })  // 40 + 20 < 100
    #expect(rules.delay(of: "dao") == 0)
}

@Test func governorWireFormRoundTripsWithDefaults() throws {
    let r = Role(name: "dao", rule: .governor(governor(.forAndAbstain)), minCoalition: 3, loc: here)
    let back = try JSONDecoder().decode(Role.self, from: try JSONEncoder().encode(r))
    #expect(back == r)
    let minimal =
        #"{"name":"g","kind":"governor","votes":[{"entity":"A","power":5}],"quorum":3,"loc":{"file":"f","line":1,"column":1}}"#
    let g = try JSONDecoder().decode(Role.self, from: Data(minimal.utf8))
    guard case .governor(let gv) = g.rule else {
        Issue.record("not a governor")
        return
    }
    #expect(
        gv.quorumCounts == .forVotes && gv.measuredAt == .snapshot && gv.proposalThreshold == 0 && gv.votingPeriod == 0)
    for e in [
        Effect(.rotateKeyTo(key: "k", param: "who"), loc: here), Effect(.grantTo(key: "k", param: "who"), loc: here),
        Effect(.revokeFrom(key: "k", param: "who"), loc: here),
    ] {
        #expect(try JSONDecoder().decode(Effect.self, from: try JSONEncoder().encode(e)) == e)
    }
}

@Test func validatorRejectsIneffectiveVotingDeclarations() {
    var g = governor()
    g.measuredAt = .snapshot
    var w = votingWorld(g)
    var m = w.model
    m.roles[1].minCoalition = 1
    m.actions.append(
        Action(
            name: "pick", by: ["dao"],
            params: [Param(name: "who", type: .entity, loc: SourceLocation(file: "v.swift", line: 30, column: 2))],
            loc: here))
    w = World(model: m, incident: w.incident, procedure: w.procedure)
    let d = Validator().diagnose(Program(models: [m], incidents: [w.incident], procedures: [])).map(\.description)
    #expect(d.contains { $0.hasPrefix("v.swift:7:1: error:") && $0.contains("needs measuredAt: .execution") })
    #expect(d.contains { $0.contains("minCoalition(1) accepts one entity") })
    #expect(
        d.contains { $0.hasPrefix("v.swift:30:2: error:") && $0.contains("entity parameter 'who' is never the target") }
    )
}

/// A role's own `.minCoalition` or `.allowUnilateral` acts only on the roles actions and steps use
/// directly: on a role used only inside a timelock or an `allOf`, or not at all, it is an error at
/// the role's line (it would change no verdict).
@Test func coalitionSettingsOnRolesNoActionUsesAreRejected() {
    let at = { (line: Int) in SourceLocation(file: "c.swift", line: line, column: 1) }
    var m = Model(name: "M", loc: at(1))
    m.entities = ["A", "B", "C"].enumerated().map { EntityDecl(name: $1, loc: at(2 + $0)) }
    m.keys = [
        KeyDecl(name: "k1", holder: "A", loc: at(5)), KeyDecl(name: "k2", holder: "B", loc: at(6)),
        KeyDecl(name: "k3", holder: "C", loc: at(7)),
    ]
    m.state = [StateVar(name: "x", type: .bool, initial: .bool(false), loc: at(8))]
    m.roles = [
        Role(name: "inner", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: 2), minCoalition: 3, loc: at(10)),
        Role(name: "outer", rule: .timelock(Role.Timelock(role: "inner", minDelay: 60)), loc: at(11)),
        Role(name: "spare", rule: .key("k3"), allowUnilateral: "never used", loc: at(12)),
        Role(name: "used", rule: .key("k1"), allowUnilateral: "used by 'set'", loc: at(13)),
    ]
    m.actions = [
        Action(
            name: "set", by: ["outer", "used"],
            effects: [Effect(.assign(target: "x", index: nil, value: .bool(true)), loc: at(15))], loc: at(14))
    ]
    let d = Validator().diagnose(Program(models: [m], incidents: [], procedures: [])).map(\.description)
    #expect(
        d.contains {
            $0.hasPrefix("c.swift:10:1: error:")
                && $0.contains(
                    ".minCoalition(3) has no effect: no action or procedure step uses it directly (only 'outer' does)")
        }, "\(d)")
    #expect(
        d.contains {
            $0.hasPrefix("c.swift:12:1: error:")
                && $0.contains(".allowUnilateral has no effect: no action or procedure step uses it,")
        }, "\(d)")
    #expect(!d.contains { $0.hasPrefix("c.swift:13:") }, "\(d)")
    // Moving the minimum to the role the action uses is accepted.
    m.roles[0].minCoalition = nil
    m.roles[1].minCoalition = 3
    m.roles.remove(at: 2)
    #expect(Validator().diagnose(Program(models: [m], incidents: [], procedures: [])).isEmpty)
}

/// Duplicates across actions and attacks: a duplicate model action once, a duplicate attack as an
/// attack, an attack named like a model action as that (each at its own line).
@Test func duplicateActionsAndAttacksAreEachReportedOnceByWhatTheyAre() {
    let at = { (line: Int) in SourceLocation(file: "d.swift", line: line, column: 1) }
    var m = Model(name: "M", loc: at(1))
    m.state = [StateVar(name: "x", type: .bool, initial: .bool(false), loc: at(2))]
    let set = { (line: Int) in [Effect(.assign(target: "x", index: nil, value: .bool(true)), loc: at(line))] }
    m.actions = [
        Action(name: "a", user: true, effects: set(3), loc: at(3)),
        Action(name: "a", user: true, effects: set(4), loc: at(4)),
    ]
    var i = Incident(name: "I", model: "M", loc: at(5))
    i.attacks = [
        Action(name: "hit", effects: set(6), loc: at(6)), Action(name: "hit", effects: set(7), loc: at(7)),
        Action(name: "a", effects: set(8), loc: at(8)),
    ]
    let d = Validator().diagnose(Program(models: [m], incidents: [i], procedures: [])).map(\.description)
    #expect(d.filter { $0.contains("duplicate action 'a'") }.count == 1, "\(d)")
    #expect(
        d.contains {
            $0.hasPrefix("d.swift:7:1: error:") && $0.contains("duplicate attack 'hit' (first declared at d.swift:6:1)")
        }, "\(d)")
    #expect(
        d.contains {
            $0.hasPrefix("d.swift:8:1: error:")
                && $0.contains("attack 'a' has the name of model action 'a' (declared at d.swift:3:1)")
        }, "\(d)")
}
