import Testing

@testable import RecovIR

private let here = SourceLocation(file: "test.swift", line: 1, column: 1)

/// A two-guardian model with an allowlist and a governance role, for evaluator tests.
private func sampleWorld() -> World {
    var m = Model(name: "M", loc: here)
    m.state = [
        StateVar(name: "paused", type: .bool, loc: here),
        StateVar(name: "x", type: .int, min: 0, max: 100, loc: here),
    ]
    m.entities = ["A", "B", "C"].map { EntityDecl(name: $0, loc: here) }
    m.keys = [
        KeyDecl(name: "k1", holder: "A", loc: here), KeyDecl(name: "k2", holder: "B", loc: here),
        KeyDecl(name: "k3", holder: "C", loc: here),
    ]
    m.delegations = [Delegation(key: "k2", entity: "A", loc: here)]
    let ms = Role(name: "guardian", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: 2), loc: here)
    let gov = Role(
        name: "gov",
        rule: .governance(
            Role.Governance(
                powers: [VotingPower(entity: "A", power: 20), VotingPower(entity: "B", power: 80)],
                supermajority: Fraction(2, 3), measuredAt: .execution)), loc: here)
    m.roles = [ms, gov]
    m.actions = [
        Action(
            name: "pause", by: ["guardian"], guardExpr: !.variable("paused"),
            effects: [Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: here)], loc: here)
    ]
    var inc = Incident(name: "I", model: "M", loc: here)
    inc.compromised = ["A"]
    inc.borrowable = [BorrowablePower(role: "gov", amount: 300, loc: here)]
    var p = Procedure(
        name: "P", model: "M", incident: "I", trigger: Assertion(name: "t", expr: .bool(true), loc: here), loc: here)
    p.steps = [
        Step(name: "pause", action: "pause", role: "guardian", after: 0, within: 60, writes: ["paused"], loc: here)
    ]
    return World(model: m, incident: inc, procedure: p)
}

private func initialState(_ w: World) -> State {
    var s = State()
    s.bools["paused"] = false
    s.ints["x"] = 5
    s.stepTimes = [nil]
    Evaluator(world: w).initialAuthority(into: &s)
    return s
}

@Test func euclideanDivisionMatchesSMTLIB() {
    #expect(Evaluator.euclideanDiv(7, 2) == 3)
    #expect(Evaluator.euclideanDiv(-7, 2) == -4)
    #expect(Evaluator.euclideanDiv(-7, -2) == 4)
    #expect(Evaluator.euclideanMod(-7, 2) == 1)
    #expect(Evaluator.euclideanMod(-7, -2) == 1)
    #expect(Evaluator.euclideanDiv(5, 0) == 0)
    #expect(Evaluator.euclideanMod(5, 0) == 5)
}

@Test func overflowIsAnErrorNotAWrap() {
    let w = sampleWorld()
    let e = Expr.apply(.mul, [.int(Int.max / 2), .int(3)])
    #expect(throws: EvaluationError.self) { try Evaluator(world: w).eval(e, State()) }
}

@Test func allowlistGivesAnEntityAnotherKeysPower() {
    let w = sampleWorld()
    let ev = Evaluator(world: w)
    let s = initialState(w)
    // A holds k1 and may sign with k2: alone it meets 2 of 3.
    #expect(ev.satisfies("guardian", in: s, attacker: true) { $0 == "A" })
    #expect(!ev.satisfies("guardian", in: s, attacker: false) { $0 == "C" })
}

@Test func borrowedPowerCountsOnlyForTheAttackerAtExecution() {
    let w = sampleWorld()
    let ev = Evaluator(world: w)
    let s = initialState(w)
    // A has 20 of 100; with 300 borrowed: 320 of 400 = 80% >= 2/3.
    #expect(ev.satisfies("gov", in: s, attacker: true) { $0 == "A" })
    #expect(!ev.satisfies("gov", in: s, attacker: true, borrow: false) { $0 == "A" })
    #expect(!ev.satisfies("gov", in: s, attacker: false) { $0 == "A" })
}

@Test func timeCannotPassAPendingDeadline() throws {
    let w = sampleWorld()
    let ev = Evaluator(world: w)
    let s = initialState(w)
    #expect(throws: EvaluationError.self) { try ev.apply(Transition.tick(duration: 61), to: s) }
    let later = try ev.apply(Transition.tick(duration: 60), to: s)
    #expect(later.now == 60)
}

@Test func stepsRunInOrderWithHonestAuthority() throws {
    let w = sampleWorld()
    let ev = Evaluator(world: w)
    let s = initialState(w)
    // A is compromised; B and C (honest) still hold 2 of 3 keys.
    let next = try ev.apply(Transition.step(name: "pause", index: 0, role: "guardian", args: [:]), to: s)
    #expect(next.bools["paused"] == true)
    #expect(next.pc == 1)
    #expect(next.stepTimes == [0])
    #expect(throws: EvaluationError.self) {
        try ev.apply(Transition.step(name: "pause", index: 0, role: "guardian", args: [:]), to: next)
    }
}

@Test func validatorNamesEachProblemAtItsLine() {
    var w = sampleWorld()
    var m = w.model
    m.roles[0].rule = .multisig(keys: ["k1", "k2", "k3"], threshold: 4)
    m.roles[0].loc = SourceLocation(file: "m.swift", line: 12, column: 3)
    var p = w.procedure
    p.steps[0].role = "nobody"
    p.steps[0].after = -5
    p.steps[0].loc = SourceLocation(file: "p.swift", line: 30, column: 5)
    w = World(model: m, incident: w.incident, procedure: p)
    let program = Program(models: [m, m], incidents: [w.incident], procedures: [p])
    let d = Validator().diagnose(program).map(\.description)
    #expect(
        d.contains {
            $0.hasPrefix("m.swift:12:3: error:") && $0.contains("threshold 4 is above the number of keys (3)")
        })
    #expect(d.contains { $0.hasPrefix("p.swift:30:5: error:") && $0.contains("unknown role 'nobody'") })
    #expect(d.contains { $0.hasPrefix("p.swift:30:5: error:") && $0.contains("negative delay") })
    #expect(d.contains { $0.contains("duplicate model 'M'") })
}

@Test func typeCheckerRejectsMixedTypesAndDeepNesting() {
    let m = sampleWorld().model
    var e = Expr.int(1)
    for _ in 0..<100 { e = .apply(.add, [e, .int(1)]) }
    if case .success = typeOf(e, in: ExprScope(model: m)) { Issue.record("a 100-deep expression was accepted") }
    if case .success = typeOf(.apply(.add, [.variable("paused"), .int(1)]), in: ExprScope(model: m)) {
        Issue.record("bool + int was accepted")
    }
    if case .success = typeOf(.int(Int.max), in: ExprScope(model: m)) {
        Issue.record("an enormous literal was accepted")
    }
}

@Test func exprWireFormatRoundTrips() throws {
    let e = Expr.apply(.and, [.apply(.ge, [.select("collateral", .param("caller")), .int(3)]), !.variable("paused")])
    let data = try JSONEncoderForTests.encode(e)
    #expect(String(decoding: data, as: UTF8.self).contains("\"op\":\"select\""))
    #expect(try JSONDecoderForTests.decode(Expr.self, from: data) == e)
}

@Test func aTimelockDoesNotStopPowerCountedAtExecution() {
    // Beanstalk: a proposal had to be a day old, but votes were counted when it executed.
    let w0 = sampleWorld()
    var m = w0.model
    let lock = Role(name: "delayed", rule: .timelock(Role.Timelock(role: "gov", minDelay: 86_400)), loc: here)
    m.roles.append(lock)
    let w = World(model: m, incident: w0.incident, procedure: w0.procedure)
    let ev = Evaluator(world: w)
    #expect(ev.satisfies("delayed", in: initialState(w), attacker: true) { $0 == "A" })
    var snap = m
    if case .governance(var g) = snap.roles[1].rule {
        g.measuredAt = .snapshot
        snap.roles[1].rule = .governance(g)
    }
    let ws = World(model: snap, incident: w0.incident, procedure: w0.procedure)
    #expect(!Evaluator(world: ws).satisfies("delayed", in: initialState(ws), attacker: true) { $0 == "A" })
}
