import RecovIR
import RecovSMT

/// A concrete trace read off a solver model: the states the solver claims and the transitions.
struct ExtractedTrace {
    var states: [State]
    var transitions: [Transition]
    /// Accounts whose map entries the trace touches.
    var accounts: [Int]
}

/// Reads a trace of a given depth off a model of an unrolling.
struct TraceExtractor {
    let unrolling: Unrolling
    let model: Z3Model

    private var world: World { unrolling.world }

    func extract(depth d: Int) throws -> ExtractedTrace {
        let u = unrolling
        var accounts: Set<Int> = [try model.int(u.account)]
        for f in u.freshAccounts { accounts.insert(try model.int(f)) }
        var transitions: [Transition] = []
        for i in 0..<d {
            let t = u.transitions[i]
            let k = try model.int(t.selector)
            guard k >= 0 && k < u.alternatives.count else { throw EvaluationError("selector out of range") }
            var args: [String: Value] = [:]
            for (p, x) in t.params[k] {
                let v: Value = p.type == .bool ? .bool(try model.bool(x)) : .int(try model.int(x))
                args[p.name] = v
                if p.type == .account, case .int(let a) = v { accounts.insert(a) }
            }
            switch u.alternatives[k] {
            case .tick:
                transitions.append(.tick(duration: try model.int(t.duration)))
            case .step(let j):
                let st = world.procedure.steps[j]
                transitions.append(.step(name: st.name, index: j, role: st.role, args: args))
            case .user(let a):
                let c = try model.int(t.caller)
                accounts.insert(c)
                transitions.append(.action(name: a.name, caller: c, args: args))
            case .permissionless(let a):
                transitions.append(.action(name: a.name, caller: nil, args: args))
            case .attack(let a):
                transitions.append(.attack(name: a.name, args: args))
            case .privileged(let a, let role):
                transitions.append(.privileged(name: a.name, role: role, args: args))
            case .oracle(let o):
                transitions.append(.oracle(target: o.target, value: try model.int(t.oracleValues[k]!)))
            case .insider(let a, let role, let entity):
                transitions.append(.insider(name: a.name, role: role, entity: entity, args: args))
            case .coalition(let a, let role):
                let members = try u.coalitionMembers.keys.sorted().filter { try model.bool(u.coalitionMembers[$0]!) }
                transitions.append(
                    .coalition(
                        name: a.name, role: role, args: args, members: members,
                        attacker: try model.bool(u.coalitionAttacker)))
            }
        }
        let sorted = accounts.sorted()
        let states = try (0...d).map { try state(at: $0, accounts: sorted) }
        return ExtractedTrace(states: states, transitions: transitions, accounts: sorted)
    }

    private func state(at i: Int, accounts: [Int]) throws -> State {
        let u = unrolling
        let ctx = u.ctx
        let s = u.states[i]
        var out = State()
        for v in world.model.state {
            switch v.type {
            case .int: out.ints[v.name] = try model.int(s.ints[v.name]!)
            case .bool: out.bools[v.name] = try model.bool(s.bools[v.name]!)
            case .map:
                var m: [Int: Int] = [:]
                for a in accounts { m[a] = try model.int(ctx.select(s.maps[v.name]!, ctx.int(a))) }
                out.maps[v.name] = m
            }
        }
        out.now = try model.int(s.now)
        out.pc = try model.int(s.pc)
        out.triggerTime = try model.int(u.states[0].now)
        out.lastStepTime = try model.int(s.last)
        out.stepTimes = try s.stepTimes.map { x in
            let v = try model.int(x)
            return v < 0 ? nil : v
        }
        out.contained = try model.bool(s.contained)
        let names = world.model.entities.map(\.name)
        for (k, h) in s.holders {
            let idx = try model.int(h)
            out.holders[k] = idx >= 0 && idx < names.count ? names[idx] : "?"
        }
        for (g, on) in s.grants where try model.bool(on) { out.grants.insert(g) }
        for (r, th) in s.thresholds { out.thresholds[r] = try model.int(th) }
        return out
    }
}

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
                throw ReplayError(transition: i, reason: error)
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

/// A transition of a replayed trace that the evaluator does not allow in the state before it.
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    /// Index of the transition (0 is the first transition after the initial state).
    public var transition: Int
    public var reason: EvaluationError
    public var description: String { "transition \(transition + 1): \(reason.message)" }
}
