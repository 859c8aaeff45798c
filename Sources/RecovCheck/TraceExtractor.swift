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
