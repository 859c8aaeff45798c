/// Why a concrete evaluation or transition failed.
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The reference semantics of the IR: evaluates expressions on concrete states and applies
/// transitions, checking that each one is allowed. The SMT lowering must agree with it;
/// every counterexample is replayed here before it is reported.
///
/// Semantics in brief: integers are mathematical (overflow of the 64-bit evaluator is an error,
/// never a wrap), division and remainder are Euclidean with `x / 0 == 0` and `x % 0 == x`;
/// all effects of an action read the state before the action; steps run in order, each no
/// earlier than `after` and no later than its deadline after the previous step, and time cannot
/// pass a pending step's deadline.
public struct Evaluator: Sendable {
    public let world: World

    public init(world: World) { self.world = world }

    /// Bindings of parameter names (and `caller`) plus the bound `account`, for evaluation.
    public struct Env: Sendable {
        public var params: [String: Value]
        public var account: Int?
        public init(params: [String: Value] = [:], account: Int? = nil) {
            self.params = params
            self.account = account
        }
    }

    // MARK: Expressions

    public func eval(_ e: Expr, _ s: State, _ env: Env = Env()) throws(EvaluationError) -> Value {
        switch e {
        case .int(let v): return .int(v)
        case .bool(let v): return .bool(v)
        case .now: return .int(s.now)
        case .variable(let n):
            if let v = s.ints[n] { return .int(v) }
            if let v = s.bools[n] { return .bool(v) }
            throw EvaluationError("state variable '\(n)' has no value")
        case .param(let n):
            guard let v = env.params[n] else { throw EvaluationError("parameter '\(n)' has no value") }
            return v
        case .account:
            guard let a = env.account else { throw EvaluationError("'account' is not bound here") }
            return .int(a)
        case .select(let m, let i):
            let idx = try int(i, s, env)
            guard let v = s.maps[m]?[idx] else { throw EvaluationError("\(m)[\(idx)] is not part of the state") }
            return .int(v)
        case .apply(let op, let args):
            switch op {
            case .and:
                for a in args where !(try bool(a, s, env)) { return .bool(false) }
                return .bool(true)
            case .or:
                for a in args where try bool(a, s, env) { return .bool(true) }
                return .bool(false)
            case .not: return .bool(!(try bool(args[0], s, env)))
            case .implies:
                if !(try bool(args[0], s, env)) { return .bool(true) }
                return .bool(try bool(args[1], s, env))
            case .ite:
                if try bool(args[0], s, env) { return try eval(args[1], s, env) }
                return try eval(args[2], s, env)
            case .eq:
                let l = try eval(args[0], s, env)
                let r = try eval(args[1], s, env)
                return .bool(l == r)
            case .ne:
                let l = try eval(args[0], s, env)
                let r = try eval(args[1], s, env)
                return .bool(l != r)
            case .neg:
                let (r, o) = (0).subtractingReportingOverflow(try int(args[0], s, env))
                if o { throw EvaluationError("integer overflow in \(e)") }
                return .int(r)
            default: break
            }
            let a = try int(args[0], s, env)
            let b = try int(args[1], s, env)
            func checked(_ r: (partialValue: Int, overflow: Bool)) throws(EvaluationError) -> Value {
                if r.overflow { throw EvaluationError("integer overflow in \(e)") }
                return .int(r.partialValue)
            }
            switch op {
            case .add: return try checked(a.addingReportingOverflow(b))
            case .sub: return try checked(a.subtractingReportingOverflow(b))
            case .mul: return try checked(a.multipliedReportingOverflow(by: b))
            case .div:
                if b == -1 { return try checked((0).subtractingReportingOverflow(a)) }  // Int.min / -1
                return .int(Self.euclideanDiv(a, b))
            case .mod: return .int(b == -1 || b == 1 ? 0 : Self.euclideanMod(a, b))
            case .lt: return .bool(a < b)
            case .le: return .bool(a <= b)
            case .gt: return .bool(a > b)
            case .ge: return .bool(a >= b)
            case .min: return .int(Swift.min(a, b))
            case .max: return .int(Swift.max(a, b))
            default: throw EvaluationError("operator \(op.rawValue) misapplied")
            }
        }
    }

    /// SMT-LIB integer division: `a = b*q + r` with `0 <= r < |b|`; division by zero gives 0.
    public static func euclideanDiv(_ a: Int, _ b: Int) -> Int {
        if b == 0 { return 0 }
        var q = a / b
        if a % b < 0 { q += b > 0 ? -1 : 1 }
        return q
    }

    /// SMT-LIB integer remainder, always in `0..<|b|`; `a % 0 == a`.
    public static func euclideanMod(_ a: Int, _ b: Int) -> Int {
        if b == 0 { return a }
        let r = a % b
        return r < 0 ? r + Swift.abs(b) : r
    }

    public func int(_ e: Expr, _ s: State, _ env: Env = Env()) throws(EvaluationError) -> Int {
        guard case .int(let v) = try eval(e, s, env) else { throw EvaluationError("expected an integer: \(e)") }
        return v
    }

    public func bool(_ e: Expr, _ s: State, _ env: Env = Env()) throws(EvaluationError) -> Bool {
        guard case .bool(let v) = try eval(e, s, env) else { throw EvaluationError("expected a boolean: \(e)") }
        return v
    }

    // MARK: Authority

    /// The authority tables as the model declares them.
    public func initialAuthority(into s: inout State) {
        for k in world.model.keys { s.holders[k.name] = k.holder }
        s.grants = Set(world.model.delegations.map { Grant(key: $0.key, entity: $0.entity) })
        for r in world.model.roles { if case .multisig(_, let t) = r.rule { s.thresholds[r.name] = t } }
    }

    /// The authority rules (who satisfies a role, delays, expiry, borrowed power), defined once.
    public var authority: AuthorityRules { AuthorityRules(world: world) }

    /// Whether the coalition can satisfy `roleName` in `s`: `AuthorityRules.satisfies`.
    public func satisfies(
        _ roleName: String, in s: State, attacker: Bool, borrow: Bool = true, member: (String) -> Bool
    ) -> Bool {
        authority.satisfies(roleName, in: s, attacker: attacker, borrow: borrow, member: member)
    }

    /// Whether the honest entities (all but the compromised ones) can satisfy `role`.
    public func honestSatisfies(_ role: String, in s: State) -> Bool { authority.honestSatisfies(role, in: s) }

    /// Whether the attacker alone (the compromised entities and borrowed power) can satisfy `role`.
    public func attackerSatisfies(_ role: String, in s: State) -> Bool { authority.attackerSatisfies(role, in: s) }

    // MARK: Procedure timing

    /// Earliest start of step `j` after the previous step: `AuthorityRules.earliest`.
    public func earliest(_ j: Int) -> Int { authority.earliest(j) }

    /// Latest start of step `j` after the previous step: `AuthorityRules.deadline`.
    public func deadline(_ j: Int) -> Int { authority.deadline(j) }

    // MARK: Transitions

    /// The action a transition runs, if any.
    public func action(of t: Transition) -> Action? {
        switch t {
        case .tick, .oracle: return nil
        case .step(_, let j, _, _):
            return j >= 0 && j < world.procedure.steps.count ? world.model.action(world.procedure.steps[j].action) : nil
        case .attack(let name, _): return world.attacks.first { $0.name == name }
        case .action(let name, _, _), .privileged(let name, _, _), .coalition(let name, _, _, _, _),
            .insider(let name, _, _, _):
            return world.model.action(name)
        }
    }

    /// The parameter bindings of a transition, with a step's fixed arguments evaluated in `s`.
    public func bindings(of t: Transition, in s: State) throws(EvaluationError) -> Env {
        var params = t.args
        switch t {
        case .step(_, let j, _, _) where j >= 0 && j < world.procedure.steps.count:
            for a in world.procedure.steps[j].args { params[a.name] = try eval(a.value, s) }
        case .action(_, let c?, _):
            params["caller"] = .int(c)
        default: break
        }
        return Env(params: params)
    }

    /// Applies `t` to `s`, or throws if `t` is not allowed in `s`.
    public func apply(_ t: Transition, to s: State) throws(EvaluationError) -> State {
        var next = s
        switch t {
        case .tick(let d): next.now = try tickEnd(d, s)
        case .oracle(let target, let value):
            let (variable, v) = try oracleMove(target, value)
            next.ints[variable] = v
        case .step, .action, .attack, .privileged, .coalition, .insider:
            guard let a = action(of: t) else { throw EvaluationError("unknown action '\(t.name)'") }
            let env = try bindings(of: t, in: s)
            try checkParams(a, env)
            try checkAllowed(t, a, s, env)
            guard try bool(a.guardExpr, s, env) else { throw EvaluationError("guard of '\(a.name)' is false") }
            try applyEffects(a, env, s, &next)
            if case .step(_, let j, _, _) = t {
                next.pc = j + 1
                next.lastStepTime = s.now
                next.stepTimes[j] = s.now
            }
        }
        if let c = world.procedure.containment, try bool(c.expr, next) { next.contained = true }
        return next
    }

    /// The time after tick `t`: at least one second later, and not past a pending step's deadline
    /// unless the procedure is blocked there.
    private func tickEnd(_ d: Int, _ s: State) throws(EvaluationError) -> Int {
        let steps = world.procedure.steps
        guard d >= 1 else { throw EvaluationError("time must advance by at least one second") }
        let end = try Checked.add(s.now, d, "the time after a tick of \(d)s")
        if s.pc < steps.count, try !mayPassDeadline(s, until: end) {
            throw EvaluationError("time cannot pass the deadline of pending step '\(steps[s.pc].name)'")
        }
        return end
    }

    /// The variable oracle move `t` sets and its value, within the oracle's declared range.
    private func oracleMove(_ target: String, _ v: Int) throws(EvaluationError) -> (String, Int) {
        guard let o = world.incident.oracles.first(where: { $0.target == target }) else {
            throw EvaluationError("no oracle moves '\(target)'")
        }
        guard v >= o.min && v <= o.max else { throw EvaluationError("oracle value \(v) outside \(o.min)...\(o.max)") }
        return (o.target, v)
    }

    /// Throws unless whoever takes transition `t` (of action `a`) may take it in `s`: the next step
    /// in its time window by its honest holders, a user with a caller or anyone on a permissionless
    /// action, a live attack, the attacker meeting a role, an insider meeting a role alone, or the
    /// coalition a unilateral role.
    private func checkAllowed(_ t: Transition, _ a: Action, _ s: State, _ env: Env) throws(EvaluationError) {
        let steps = world.procedure.steps
        switch t {
        case .step(let name, let j, _, _):
            guard j == s.pc, j < steps.count else { throw EvaluationError("step '\(name)' is not the next step") }
            guard
                s.now >= (try Checked.add(s.lastStepTime, earliest(j), "the earliest time of step '\(steps[j].name)'"))
            else { throw EvaluationError("step '\(steps[j].name)' runs before its earliest time") }
            guard s.now <= (try Checked.add(s.lastStepTime, deadline(j), "the deadline of step '\(steps[j].name)'"))
            else { throw EvaluationError("step '\(steps[j].name)' missed its deadline: the procedure is blocked") }
            guard honestSatisfies(steps[j].role, in: s) else {
                throw EvaluationError("honest holders cannot satisfy role '\(steps[j].role)'")
            }
        case .action(_, let caller, _):
            if a.user {
                guard let c = caller, c >= 0 else { throw EvaluationError("user action without a caller") }
            } else {
                guard !world.openRoles(of: a).isEmpty else {
                    throw EvaluationError("'\(a.name)' is not permissionless")
                }
            }
        case .attack:
            if let l = a.live, !(try bool(l, s, env)) { throw EvaluationError("attack '\(a.name)' is not live") }
        case .privileged(_, let r, _):
            guard a.by.contains(r), attackerSatisfies(r, in: s) else {
                throw EvaluationError("the attacker cannot satisfy a role of '\(a.name)'")
            }
        case .insider(_, let r, let entity, _):
            guard world.insiders.contains(entity), world.privilegedRoles(of: a).contains(r),
                authority.insiderSatisfies(r, entity, in: s)
            else {
                throw EvaluationError("insider '\(entity)' cannot satisfy a role of '\(a.name)' alone")
            }
        case .coalition(_, let r, _, let coalition, let withAttacker):
            let members = Set(coalition)
            let size = (withAttacker ? 1 : 0) + members.subtracting(world.compromised).count
            guard world.privilegedRoles(of: a).contains(r), let role = world.model.role(r),
                size >= world.model.minCoalition(of: role),
                satisfies(
                    r, in: s, attacker: withAttacker,
                    member: { world.compromised.contains($0) ? withAttacker : members.contains($0) })
            else {
                throw EvaluationError(
                    "the coalition cannot use a role of '\(a.name)' it is allowed to hold at its size")
            }
        case .tick, .oracle: break
        }
    }

    private func checkParams(_ a: Action, _ env: Env) throws(EvaluationError) {
        for p in a.params {
            guard let v = env.params[p.name] else {
                throw EvaluationError("parameter '\(p.name)' of '\(a.name)' has no value")
            }
            switch (p.type, v) {
            case (.bool, .bool): continue
            case (.int, .int(let x)), (.account, .int(let x)):
                if let lo = p.min, x < lo { throw EvaluationError("parameter '\(p.name)' = \(x) below \(lo)") }
                if let hi = p.max, x > hi { throw EvaluationError("parameter '\(p.name)' = \(x) above \(hi)") }
                if p.type == .account, x < 0 { throw EvaluationError("account \(x) is negative") }
            case (.entity, .int(let x)):
                if x < 0 || x >= world.model.entities.count {
                    throw EvaluationError("parameter '\(p.name)' = \(x) names no entity")
                }
            default: throw EvaluationError("parameter '\(p.name)' has the wrong type")
            }
        }
    }

    private func applyEffects(_ a: Action, _ env: Env, _ s: State, _ next: inout State) throws(EvaluationError) {
        for e in a.effects {
            switch e.change {
            case .assign(let t, let index, let v):
                let val = try eval(v, s, env)
                if let i = index {
                    let idx = try int(i, s, env)
                    guard case .int(let x) = val else { throw EvaluationError("map value must be an integer") }
                    next.maps[t, default: [:]][idx] = x
                } else {
                    switch val {
                    case .int(let x): next.ints[t] = x
                    case .bool(let b): next.bools[t] = b
                    }
                }
            case .assignAll(let t, let v):
                for idx in (s.maps[t] ?? [:]).keys.sorted() {
                    var env2 = env
                    env2.account = idx
                    next.maps[t, default: [:]][idx] = try int(v, s, env2)
                }
            case .rotateKey(let k, let en): next.holders[k] = en
            case .grant(let k, let en): next.grants.insert(Grant(key: k, entity: en))
            case .revoke(let k, let en): next.grants.remove(Grant(key: k, entity: en))
            case .rotateKeyTo(let k, let p): next.holders[k] = try chosenEntity(p, env)
            case .grantTo(let k, let p): next.grants.insert(Grant(key: k, entity: try chosenEntity(p, env)))
            case .revokeFrom(let k, let p): next.grants.remove(Grant(key: k, entity: try chosenEntity(p, env)))
            case .setThreshold(let r, let v): next.thresholds[r] = try int(v, s, env)
            }
        }
    }

    /// The entity an entity parameter names: its index in the model's entities.
    public func chosenEntity(_ param: String, _ env: Env) throws(EvaluationError) -> String {
        guard case .int(let i) = env.params[param], i >= 0, i < world.model.entities.count else {
            throw EvaluationError("entity parameter '\(param)' names no entity")
        }
        return world.model.entities[i].name
    }

    /// The claim of `account` in `s`, if the model declares one.
    public func claim(of account: Int, in s: State) throws(EvaluationError) -> Int? {
        guard let c = world.model.claim else { return nil }
        return try int(c.expr, s, Env(account: account))
    }
}
