import RecovIR

/// Replays a trace on the reference evaluator (`RecovIR.Evaluator`), the concrete semantics every
/// counterexample must satisfy before it is reported, and that saved counterexample files are
/// replayed on (`recovcheck replay`).
public struct Replayer: Sendable {
    public let world: World

    public init(world: World) { self.world = world }

    /// Replays an extracted trace and checks that it reaches exactly the states the solver claims.
    func replay(_ trace: ExtractedTrace) throws -> [State] {
        let s = try initialState(from: trace.states[0], accounts: trace.accounts)
        try Self.compare(s, trace.states[0], at: 0)
        return try replay(from: s, trace.transitions, claimed: Array(trace.states.dropFirst()))
    }

    /// The initial state of a replay: the values of `s` with the procedure's bookkeeping reset and
    /// the authority tables (holders, allowlists, thresholds) as this world declares them. Throws if
    /// the state lies outside a variable's bounds (for `accounts`' map entries), breaks an
    /// assumption of the model or incident, or does not satisfy the trigger.
    public func initialState(from s0: State, accounts: [Int]) throws -> State {
        let ev = Evaluator(world: world)
        var s = s0
        guard s.now >= 0 else {
            throw EvaluationError("initial time \(s.now) is negative (the clock starts at T >= 0)")
        }
        // The procedure's bookkeeping starts from the evaluator's own initial values.
        s.pc = 0
        s.triggerTime = s.now
        s.lastStepTime = s.now
        s.stepTimes = Array(repeating: nil, count: world.procedure.steps.count)
        var fresh = State()
        ev.initialAuthority(into: &fresh)
        s.holders = fresh.holders
        s.grants = fresh.grants
        s.thresholds = fresh.thresholds
        s.contained = try world.procedure.containment.map { try ev.bool($0.expr, s) } ?? false
        try InitialValues(evaluator: ev).check(s, accounts: accounts)
        for v in world.model.state where v.type != .bool {
            let xs: [Int]
            if v.type == .int {
                guard let x = s.ints[v.name] else {
                    throw EvaluationError("state variable '\(v.name)' has no initial value")
                }
                xs = [x]
            } else {
                xs = accounts.compactMap { s.maps[v.name]?[$0] }
            }
            for x in xs {
                if let lo = v.min, x < lo {
                    throw EvaluationError("initial '\(v.name)' = \(x) is below its bound \(lo)")
                }
                if let hi = v.max, x > hi {
                    throw EvaluationError("initial '\(v.name)' = \(x) is above its bound \(hi)")
                }
            }
        }
        for a in world.model.assumptions + world.incident.assumptions where !(try ev.bool(a.expr, s)) {
            throw EvaluationError("initial state violates assumption '\(a.name)'")
        }
        guard try ev.bool(world.procedure.trigger.expr, s) else {
            throw EvaluationError("initial state does not satisfy the trigger")
        }
        return s
    }

    /// Applies `transitions` one by one from `initial`; returns every state, the initial one first.
    /// With `claimed` (the states after each transition), each computed state must equal its claim.
    /// Throws `ReplayError` naming the transition that is not allowed or the state that differs.
    public func replay(from initial: State, _ transitions: [Transition], claimed: [State]? = nil) throws -> [State] {
        let ev = Evaluator(world: world)
        var s = initial
        var states = [s]
        for (i, t) in transitions.enumerated() {
            do {
                s = try ev.apply(t, to: s)
            } catch {
                throw ReplayError.transitionNotAllowed(transition: i, reason: error)
            }
            if let c = claimed, i < c.count { try Self.compare(s, c[i], at: i + 1) }
            states.append(s)
        }
        return states
    }

    /// Every value the solver claims must be the value the evaluator computes.
    public static func compare(_ concrete: State, _ claimed: State, at i: Int) throws {
        func fail(_ what: String) throws { throw EvaluationError("state \(i) differs from the solver's at \(what)") }
        if concrete.ints != claimed.ints { try fail("integers \(concrete.ints) vs \(claimed.ints)") }
        if concrete.bools != claimed.bools { try fail("flags \(concrete.bools) vs \(claimed.bools)") }
        for (m, vals) in claimed.maps where concrete.maps[m] != vals {
            try fail("map \(m): \(concrete.maps[m] ?? [:]) vs \(vals)")
        }
        if concrete.now != claimed.now { try fail("now \(concrete.now) vs \(claimed.now)") }
        if concrete.pc != claimed.pc || concrete.stepTimes != claimed.stepTimes { try fail("procedure progress") }
        if concrete.contained != claimed.contained { try fail("containment") }
        if concrete.holders != claimed.holders || concrete.grants != claimed.grants
            || concrete.thresholds != claimed.thresholds
        {
            try fail("authority")
        }
    }
}
