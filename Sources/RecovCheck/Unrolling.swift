import RecovIR
import RecovSMT

/// The bounded unrolling of one world: initial state, then transitions added one depth at a time.
///
/// Mirrors `Evaluator.apply`: every constraint here has its concrete twin there, and every
/// counterexample found over this unrolling is replayed on the evaluator.
final class Unrolling {
    let world: World
    let ctx: Z3Context
    let solver: Z3Solver
    let lowering: ExprLowering
    let alternatives: [Alternative]
    private(set) var states: [SymbolicState] = []
    private(set) var transitions: [SymbolicTransition] = []
    /// The representative account of `no-collateral-loss`.
    let account: Z3Expr
    let entityIndex: [String: Int]
    let dynamicAuthority: Bool
    /// The naive authority baseline (`--authority-encoding naive`): every key holder, allowlist
    /// entry and threshold is state at every depth, not only those some action writes.
    let naiveAuthority: Bool
    /// The key holders, allowlist entries and thresholds some action or attack writes: the only
    /// authority that gets per-step state (the rest keeps its declared value in every state).
    let authorityWrites: AuthorityWrites
    /// The authority rules over symbolic states, defined once.
    let authority: SymbolicAuthority
    /// Account ids range over `0...maxAccount`.
    static let maxAccount = 1_000_000
    private var grantPairs: [Grant] = []
    /// Every account term a trace can read a map at: the representative, callers, account parameters.
    private var accountTerms: [Z3Expr] = []
    /// Map-wide assignments, as fresh arrays defined pointwise at every account term (a lambda
    /// would be a quantifier, on which Z3 4.8 answers unknown).
    private var pointwise: [(array: Z3Expr, value: (Z3Expr) -> Z3Expr)] = []
    /// Accounts no transition names (`FreshAccounts`): they start alike, so with the account
    /// terms they are every account a blocked step's account parameters can take.
    private(set) var freshAccounts: [Z3Expr] = []
    /// `termSet[a] == 1` for every account term and fresh account, including those of later
    /// depths, so a blocked step's account parameters cover every account of the trace.
    private var termSet: Z3Expr?

    /// The coalition of a `no-unilateral-control` check: the attacker and each honest entity.
    let coalitionAttacker: Z3Expr
    let coalitionMembers: [String: Z3Expr]

    /// k-induction's step case (`KInduction.swift`): state 0 is any well-typed state, under no
    /// initial constraint (no range, initial value, assumption, trigger or fresh-account constraint).
    let freeInitial: Bool

    /// Whether time may pass the deadline of a blocked step (docs/semantics.md). Checks whose every
    /// trace through a blocked step is already violated there (`bounded-intervention`,
    /// `containment-time`) may leave it off: their verdicts and shortest traces are the same, and
    /// the transition relation stays free of quantifiers.
    let timeAfterBlock: Bool

    /// `timeAfterBlock` as a check of `rule` needs it: on, except for the two rules whose traces
    /// through a blocked step are already violated there.
    static func timeAfterBlock(for rule: Rule) -> Bool { rule != .boundedIntervention && rule != .containmentTime }

    /// `escalation`: also let the coalition under test use roles it may hold alone.
    /// `naiveAuthority`: the benchmark baseline's authority state (see `naiveAuthority`).
    init(
        world: World, ctx: Z3Context, solver: Z3Solver, escalation: Bool = false, freeInitial: Bool = false,
        timeAfterBlock: Bool = true,
        naiveAuthority: Bool = false
    ) {
        self.freeInitial = freeInitial
        self.naiveAuthority = naiveAuthority
        self.authorityWrites = AuthorityWrites(world)
        self.world = world
        self.timeAfterBlock = timeAfterBlock
        self.ctx = ctx
        self.solver = solver
        self.lowering = ExprLowering(ctx: ctx)
        alternatives = Alternative.all(in: world, escalation: escalation)
        coalitionAttacker = ctx.boolConst("coalition.attacker")
        var members: [String: Z3Expr] = [:]
        for e in world.honestEntities { members[e] = ctx.boolConst(SymbolName.coalitionMember(e)) }
        coalitionMembers = members
        account = ctx.intConst("account")
        var idx: [String: Int] = [:]
        for (i, e) in world.model.entities.enumerated() { idx[e.name] = i }
        entityIndex = idx
        dynamicAuthority = world.authorityIsDynamic
        let sortedPairs = Self.grantPairs(world)
        grantPairs = sortedPairs
        // Named member counts (`SymbolicAuthority.named`), one constant per distinct sum term; a
        // fresh constant with its defining equation changes no verdict and no trace.
        var counts: [OpaquePointer: Z3Expr] = [:]
        authority = SymbolicAuthority(
            world: world, ctx: ctx, entityIndex: idx, grantPairs: sortedPairs, naive: naiveAuthority
        ) { sum, upTo in
            if let x = counts[sum.ast] { return x }
            let x = ctx.intConst(ctx.fresh("coalition.count"))
            solver.assert(ctx.and([ctx.eq(x, sum), ctx.ge(x, ctx.int(0)), ctx.le(x, ctx.int(upTo))]))
            counts[sum.ast] = x
            return x
        }
        if Self.freeAccountParameters(world) > 0 { termSet = ctx.arrayConst("account.terms") }
        makeInitialState()
        makeFreshAccounts()
    }

    /// The allowlist entries that exist in some state: the declared delegations and every entry an
    /// action or attack grants or revokes, sorted.
    private static func grantPairs(_ world: World) -> [Grant] {
        var pairs = Set(world.model.delegations.map { Grant(key: $0.key, entity: $0.entity) })
        for a in world.model.actions + world.attacks {
            for e in a.effects {
                switch e.change {
                case .grant(let k, let en), .revoke(let k, let en): pairs.insert(Grant(key: k, entity: en))
                // A grant to an entity the caller chooses may create the entry for any entity.
                case .grantTo(let k, _), .revokeFrom(let k, _):
                    for en in world.model.entities { pairs.insert(Grant(key: k, entity: en.name)) }
                default: break
                }
            }
        }
        return pairs.sorted()
    }

    var depth: Int { transitions.count }

    // MARK: Initial state

    private func makeInitialState() {
        let m = world.model
        let now0 = ctx.intConst("now@0")
        let n = world.procedure.steps.count
        let s = SymbolicState(
            now: now0, pc: ctx.int(0), last: now0, stepTimes: Array(repeating: ctx.int(-1), count: n),
            contained: ctx.falseExpr)
        for v in m.state {
            switch v.type {
            case .int: s.ints[v.name] = ctx.intConst(SymbolName.stateVariable(v.name) + "@0")
            case .bool: s.bools[v.name] = ctx.boolConst(SymbolName.stateVariable(v.name) + "@0")
            case .map: s.maps[v.name] = ctx.arrayConst(SymbolName.stateVariable(v.name) + "@0")
            }
        }
        for k in m.keys { s.holders[k.name] = ctx.int(entityIndex[k.holder] ?? -1) }
        let initialGrants = Set(m.delegations.map { Grant(key: $0.key, entity: $0.entity) })
        for g in grantPairs { s.grants[g] = ctx.bool(initialGrants.contains(g)) }
        for r in m.roles { if case .multisig(_, let t) = r.rule { s.thresholds[r.name] = ctx.int(t) } }
        states = [s]
        if freeInitial {
            freeState(s)
            solver.assert(accountRange(account))
            constrainAccountTerm(account)
            return
        }

        solver.assert(ctx.ge(now0, ctx.int(0)))
        for v in m.state {
            if v.type == .int, let x = s.ints[v.name] { boundsAssert(x, v.min, v.max) }
            if let i = v.initial {
                let val = lowering.lower(i, s)
                if v.type == .int, let x = s.ints[v.name] { solver.assert(ctx.eq(x, val)) }
                if v.type == .bool, let x = s.bools[v.name] { solver.assert(ctx.eq(x, val)) }
            }
        }
        solver.assert(accountRange(account))
        constrainAccountTerm(account)
        for a in m.assumptions + world.incident.assumptions { solver.assert(lowering.lower(a.expr, s)) }
        solver.assert(lowering.lower(world.procedure.trigger.expr, s))
        if let c = world.procedure.containment {
            let c0 = ctx.boolConst("contained@0")
            solver.assert(ctx.eq(c0, lowering.lower(c.expr, s)))
            s.contained = c0
        }
    }

    private func boundsAssert(_ x: Z3Expr, _ lo: Int?, _ hi: Int?) {
        if let lo { solver.assert(ctx.ge(x, ctx.int(lo))) }
        if let hi { solver.assert(ctx.le(x, ctx.int(hi))) }
    }

    func accountRange(_ a: Z3Expr) -> Z3Expr {
        ctx.and([ctx.ge(a, ctx.int(0)), ctx.le(a, ctx.int(Self.maxAccount))])
    }

    /// Bounds each map's initial value at an account the trace may touch, and defines every
    /// map-wide assignment there.
    private func constrainAccountTerm(_ a: Z3Expr) {
        accountTerms.append(a)
        if let ts = termSet { solver.assert(ctx.eq(ctx.select(ts, a), ctx.int(1))) }
        for f in freshAccounts { solver.assert(ctx.not(ctx.eq(f, a))) }
        for v in world.model.state where v.type == .map {
            guard !freeInitial, let s0 = states.first, let arr = s0.maps[v.name] else { continue }
            boundsAssert(ctx.select(arr, a), v.min, v.max)
            // `AccountMap(..., initial:)`: every account starts at that value.
            if let i = v.initial { solver.assert(ctx.eq(ctx.select(arr, a), lowering.lower(i, s0))) }
        }
        for d in pointwise { solver.assert(ctx.eq(ctx.select(d.array, a), d.value(a))) }
    }

    /// The fresh accounts of `Unrolling+FreshAccounts.swift`: distinct, in range, with one common initial value per map.
    private func makeFreshAccounts() {
        let k = Self.freeAccountParameters(world)
        guard k > 0, let s0 = states.first else { return }
        let others = accountTerms
        var made: [Z3Expr] = []
        for j in 0..<k {
            let f = ctx.intConst("fresh.account.\(j)")
            solver.assert(accountRange(f))
            for t in others + made { solver.assert(ctx.not(ctx.eq(f, t))) }
            if let first = made.first {
                for (_, arr) in s0.maps { solver.assert(ctx.eq(ctx.select(arr, f), ctx.select(arr, first))) }
            }
            constrainAccountTerm(f)
            made.append(f)
            freshAccounts.append(f)
        }
    }

    /// A fresh array equal to `value(a)` at every account term `a`, now and later.
    private func definePointwise(_ name: String, _ value: @escaping (Z3Expr) -> Z3Expr) -> Z3Expr {
        let array = ctx.arrayConst(ctx.fresh(name))
        pointwise.append((array, value))
        for a in accountTerms { solver.assert(ctx.eq(ctx.select(array, a), value(a))) }
        return array
    }

    // MARK: Authority

    /// Mirrors `AuthorityRules.satisfies`: `SymbolicAuthority.satisfies`.
    func satisfies(_ roleName: String, _ s: SymbolicState, attacker: Z3Expr, borrow: Bool, member: (String) -> Z3Expr)
        -> Z3Expr
    {
        authority.satisfies(roleName, s, attacker: attacker, borrow: borrow, member: member)
    }

    /// The number of entities in the coalition under test (the attacker counts as one).
    var coalitionSize: Z3Expr {
        ctx.add([ctx.count(coalitionAttacker)] + world.honestEntities.map { ctx.count(coalitionMembers[$0]!) })
    }

    /// Membership in the coalition under test; compromised entities are the attacker.
    func coalitionMember(_ entity: String) -> Z3Expr {
        world.compromised.contains(entity) ? coalitionAttacker : (coalitionMembers[entity] ?? ctx.falseExpr)
    }

    func honestSatisfies(_ role: String, _ s: SymbolicState) -> Z3Expr { authority.honestSatisfies(role, s) }

    func attackerSatisfies(_ role: String, _ s: SymbolicState) -> Z3Expr { authority.attackerSatisfies(role, s) }

    // MARK: Timing

    private var evaluator: Evaluator { Evaluator(world: world) }

    func deadline(of pc: Z3Expr) -> Z3Expr {
        let steps = world.procedure.steps
        var acc = ctx.int(0)
        for j in steps.indices.reversed() { acc = ctx.ite(ctx.eq(pc, ctx.int(j)), ctx.int(evaluator.deadline(j)), acc) }
        return acc
    }

    /// Whether step `j` can run in `s` with parameters `env` (guard, honest authority, bounds, fixed args).
    func stepEnabled(_ j: Int, _ s: SymbolicState, _ env: SymbolicEnv, params: [(Param, Z3Expr)]) -> Z3Expr {
        let st = world.procedure.steps[j]
        guard let a = world.model.action(st.action) else { return ctx.falseExpr }
        var parts = [lowering.lower(a.guardExpr, s, env), honestSatisfies(st.role, s)]
        parts += params.map { paramBounds($0.0, $0.1) }
        for arg in st.args { if let p = env.params[arg.name] { parts.append(ctx.eq(p, lowering.lower(arg.value, s))) } }
        return ctx.and(parts)
    }

    /// A pending step sits at its deadline and cannot run: time is stuck and the procedure blocked.
    func blocked(_ i: Int) -> Z3Expr {
        let s = states[i]
        let steps = world.procedure.steps
        var cases: [Z3Expr] = []
        for j in steps.indices {
            guard let a = world.model.action(steps[j].action) else { continue }
            var env = SymbolicEnv()
            var params: [(Param, Z3Expr)] = []
            var bound: [Z3Expr] = []
            var known: [Z3Expr] = []
            for p in a.params {
                // A parameter the step fixes is its argument's value: only free ones are quantified.
                if let arg = steps[j].args.first(where: { $0.name == p.name }) {
                    let v = lowering.lower(arg.value, s)
                    env.params[p.name] = v
                    params.append((p, v))
                    continue
                }
                let x =
                    p.type == .bool
                    ? ctx.boolConst(ctx.fresh(SymbolName.blockedParameter(p.name)))
                    : ctx.intConst(ctx.fresh(SymbolName.blockedParameter(p.name)))
                env.params[p.name] = x
                params.append((p, x))
                bound.append(x)
                // An account parameter ranges over the accounts whose map values the trace
                // defines: the account terms and the fresh accounts (which stand for all others).
                if p.type == .account, let ts = termSet { known.append(ctx.eq(ctx.select(ts, x), ctx.int(1))) }
            }
            let enabled = stepEnabled(j, s, env, params: params)
            cases.append(
                ctx.and([
                    ctx.eq(s.pc, ctx.int(j)),
                    ctx.eq(s.now, ctx.add([s.last, ctx.int(evaluator.deadline(j))])),
                    ctx.forall(bound, ctx.implies(ctx.and(known), ctx.not(enabled))),
                ]))
        }
        return ctx.or(cases)
    }

    private func paramBounds(_ p: Param, _ x: Z3Expr) -> Z3Expr {
        var parts: [Z3Expr] = []
        if p.type == .account { parts.append(accountRange(x)) }
        if p.type == .entity {
            return ctx.and([ctx.ge(x, ctx.int(0)), ctx.lt(x, ctx.int(world.model.entities.count))])
        }
        if p.type != .bool {
            if let lo = p.min { parts.append(ctx.ge(x, ctx.int(lo))) }
            if let hi = p.max { parts.append(ctx.le(x, ctx.int(hi))) }
        }
        return ctx.and(parts)
    }

    // MARK: Transitions

    /// The new values an action writes, read from the state before it.
    private struct Updates {
        var ints: [String: Z3Expr] = [:]
        var bools: [String: Z3Expr] = [:]
        var maps: [String: Z3Expr] = [:]
        var holders: [String: Z3Expr] = [:]
        var grants: [Grant: Z3Expr] = [:]
        var thresholds: [String: Z3Expr] = [:]
    }

    private func updates(_ a: Action, _ s: SymbolicState, _ env: SymbolicEnv) -> Updates {
        var u = Updates()
        for e in a.effects {
            switch e.change {
            case .assign(let t, let index, let v):
                guard let decl = world.model.variable(t) else { continue }
                let val = lowering.lower(v, s, env)
                switch decl.type {
                case .int: u.ints[t] = val
                case .bool: u.bools[t] = val
                case .map:
                    guard let i = index else { continue }
                    u.maps[t] = ctx.store(u.maps[t] ?? s.maps[t]!, lowering.lower(i, s, env), val)
                }
            case .assignAll(let t, let v):
                let lowering = self.lowering
                u.maps[t] = definePointwise("all." + SymbolName.escape(t)) { a in
                    var env2 = env
                    env2.account = a
                    return lowering.lower(v, s, env2)
                }
            case .rotateKey(let k, let en):
                if let i = entityIndex[en] { u.holders[k] = ctx.int(i) }
            case .grant(let k, let en): u.grants[Grant(key: k, entity: en)] = ctx.trueExpr
            case .revoke(let k, let en): u.grants[Grant(key: k, entity: en)] = ctx.falseExpr
            case .rotateKeyTo(let k, let p):
                if let x = env.params[p] { u.holders[k] = x }
            case .grantTo(let k, let p), .revokeFrom(let k, let p):
                // `Evaluator.applyEffects`: the entry of the entity the parameter names is switched on (off).
                guard let x = env.params[p] else { continue }
                let on = e.kind == .grantTo ? ctx.trueExpr : ctx.falseExpr
                for (i, en) in world.model.entities.enumerated() {
                    let g = Grant(key: k, entity: en.name)
                    guard let current = u.grants[g] ?? s.grants[g] else { continue }
                    u.grants[g] = ctx.ite(ctx.eq(x, ctx.int(i)), on, current)
                }
            case .setThreshold(let r, let v): u.thresholds[r] = lowering.lower(v, s, env)
            }
        }
        return u
    }

    /// Adds the transition from the current last state to a new one: the transition's variables,
    /// each alternative's parameters and enabling condition, then the next state.
    func extend() {
        let i = transitions.count
        let s = states[i]
        let t = SymbolicTransition(
            selector: ctx.intConst("sel@\(i)"), duration: ctx.intConst("dur@\(i)"), caller: ctx.intConst("caller@\(i)"))
        solver.assert(ctx.and([ctx.ge(t.selector, ctx.int(0)), ctx.lt(t.selector, ctx.int(alternatives.count))]))
        solver.assert(accountRange(t.caller))
        constrainAccountTerm(t.caller)
        var enabled: [Z3Expr] = []
        var ups: [Updates?] = []
        for (k, alt) in alternatives.enumerated() {
            let (env, params) = bindParameters(alt, k, depth: i, caller: t.caller)
            t.envs.append(env)
            t.params.append(params)
            let (condition, writes) = enabling(alt, k, s, env, params, t, depth: i)
            enabled.append(condition)
            ups.append(writes)
        }
        for (k, e) in enabled.enumerated() { solver.assert(ctx.implies(isAlt(t, k), e)) }
        let next = nextState(after: s, t, ups, depth: i)
        transitions.append(t)
        states.append(next)
    }

    /// Fresh variables for the parameters of alternative `k`'s action at depth `i` (account
    /// parameters become account terms); a user action's `caller` is the transition's caller.
    private func bindParameters(_ alt: Alternative, _ k: Int, depth i: Int, caller: Z3Expr) -> (
        SymbolicEnv, [(Param, Z3Expr)]
    ) {
        var env = SymbolicEnv()
        var params: [(Param, Z3Expr)] = []
        guard let a = alt.action ?? stepAction(alt) else { return (env, params) }
        for p in a.params {
            let name = SymbolName.parameter(action: a.name, parameter: p.name) + "@\(i)#\(k)"
            let x = p.type == .bool ? ctx.boolConst(name) : ctx.intConst(name)
            env.params[p.name] = x
            params.append((p, x))
            if p.type == .account { constrainAccountTerm(x) }
        }
        if a.user { env.params["caller"] = caller }
        return (env, params)
    }

    /// When alternative `k` may be taken from `s`, and what it writes (`nil` for a tick).
    private func enabling(
        _ alt: Alternative, _ k: Int, _ s: SymbolicState, _ env: SymbolicEnv, _ params: [(Param, Z3Expr)],
        _ t: SymbolicTransition, depth i: Int
    ) -> (Z3Expr, Updates?) {
        func bounds() -> [Z3Expr] { params.map { paramBounds($0.0, $0.1) } }
        switch alt {
        case .tick:
            // Time stops at a pending step's deadline unless the procedure is blocked there
            // (then the clock and the attacker go on; the step never runs late).
            let due = ctx.add([s.last, deadline(of: s.pc)])
            return (
                ctx.and([
                    ctx.ge(t.duration, ctx.int(1)),
                    ctx.implies(
                        ctx.lt(s.pc, ctx.int(world.procedure.steps.count)),
                        timeAfterBlock
                            ? ctx.or([ctx.le(ctx.add([s.now, t.duration]), due), ctx.gt(s.now, due), blocked(i)])
                            : ctx.le(ctx.add([s.now, t.duration]), due)),
                ]), nil
            )
        case .step(let j):
            let a = stepAction(alt)!
            let condition = ctx.and([
                ctx.eq(s.pc, ctx.int(j)),
                ctx.ge(s.now, ctx.add([s.last, ctx.int(evaluator.earliest(j))])),
                ctx.le(s.now, ctx.add([s.last, ctx.int(evaluator.deadline(j))])),
                stepEnabled(j, s, env, params: params),
            ])
            return (condition, updates(a, s, env))
        case .user(let a), .permissionless(let a):
            let condition = ctx.and([lowering.lower(a.guardExpr, s, env)] + bounds())
            return (condition, updates(a, s, env))
        case .attack(let a):
            let live = a.live.map { lowering.lower($0, s, env) } ?? ctx.trueExpr
            let condition = ctx.and([live, lowering.lower(a.guardExpr, s, env)] + bounds())
            return (condition, updates(a, s, env))
        case .privileged(let a, let role):
            let condition = ctx.and([attackerSatisfies(role, s), lowering.lower(a.guardExpr, s, env)] + bounds())
            return (condition, updates(a, s, env))
        case .insider(let a, let role, let entity):
            let condition = ctx.and(
                [authority.insiderSatisfies(role, entity, s), lowering.lower(a.guardExpr, s, env)] + bounds())
            return (condition, updates(a, s, env))
        case .coalition(let a, let role):
            let sat = satisfies(role, s, attacker: coalitionAttacker, borrow: true, member: coalitionMember)
            // Allowed at the coalition's size: `Evaluator.apply`'s `.coalition` case.
            let allowed = ctx.ge(
                coalitionSize, ctx.int(world.model.role(role).map { world.model.minCoalition(of: $0) } ?? 1))
            let condition = ctx.and([sat, allowed, lowering.lower(a.guardExpr, s, env)] + bounds())
            return (condition, updates(a, s, env))
        case .oracle(let o):
            let v = ctx.intConst(SymbolName.oracle(o.target) + "@\(i)#\(k)")
            t.oracleValues[k] = v
            var u = Updates()
            u.ints[o.target] = v
            return (ctx.and([ctx.ge(v, ctx.int(o.min)), ctx.le(v, ctx.int(o.max))]), u)
        }
    }

    /// The state after transition `t` from `s`: fresh variables equal to the chosen alternative's
    /// writes (`ups`, one per alternative), else unchanged.
    private func nextState(after s: SymbolicState, _ t: SymbolicTransition, _ ups: [Updates?], depth i: Int)
        -> SymbolicState
    {
        let n = world.procedure.steps.count
        func chain(_ current: Z3Expr, _ pick: (Updates) -> Z3Expr?) -> Z3Expr {
            var acc = current
            for (k, u) in ups.enumerated().reversed() {
                if let u, let v = pick(u) { acc = ctx.ite(isAlt(t, k), v, acc) }
            }
            return acc
        }
        func freshEq(_ name: String, _ value: Z3Expr, _ make: (String) -> Z3Expr) -> Z3Expr {
            let x = make("\(name)@\(i + 1)")
            solver.assert(ctx.eq(x, value))
            return x
        }
        let tickIdx = 0
        let nextNow = freshEq("now", ctx.ite(isAlt(t, tickIdx), ctx.add([s.now, t.duration]), s.now), ctx.intConst)
        var nextPc = s.pc
        var nextLast = s.last
        var nextTimes = s.stepTimes
        for (k, alt) in alternatives.enumerated() {
            if case .step(let j) = alt {
                nextPc = ctx.ite(isAlt(t, k), ctx.int(j + 1), nextPc)
                nextLast = ctx.ite(isAlt(t, k), s.now, nextLast)
                nextTimes[j] = ctx.ite(isAlt(t, k), s.now, nextTimes[j])
            }
        }
        let ns = SymbolicState(
            now: nextNow,
            pc: n == 0 ? s.pc : freshEq("pc", nextPc, ctx.intConst),
            last: n == 0 ? s.last : freshEq("last", nextLast, ctx.intConst),
            stepTimes: nextTimes.enumerated().map { j, v in freshEq("time.\(j)", v, ctx.intConst) },
            contained: ctx.falseExpr)
        for v in world.model.state {
            switch v.type {
            case .int:
                ns.ints[v.name] = freshEq(
                    SymbolName.stateVariable(v.name), chain(s.ints[v.name]!) { $0.ints[v.name] }, ctx.intConst)
            case .bool:
                ns.bools[v.name] = freshEq(
                    SymbolName.stateVariable(v.name), chain(s.bools[v.name]!) { $0.bools[v.name] }, ctx.boolConst)
            case .map:
                ns.maps[v.name] = freshEq(
                    SymbolName.stateVariable(v.name), chain(s.maps[v.name]!) { $0.maps[v.name] }, ctx.arrayConst)
            }
        }
        if dynamicAuthority {
            // Sorted: dictionary order changes with the process's hash seed, and the order of
            // assertions changes the solver's models (and so the counterexamples). What no action
            // writes keeps its value without a variable of its own (except in the naive baseline).
            let w = authorityWrites
            let all = naiveAuthority
            for (k, h) in s.holders.sorted(by: { $0.key < $1.key }) {
                ns.holders[k] =
                    all || w.keys.contains(k)
                    ? freshEq(SymbolName.holder(k), chain(h) { $0.holders[k] }, ctx.intConst) : h
            }
            for (g, on) in s.grants.sorted(by: { $0.key < $1.key }) {
                ns.grants[g] =
                    all || w.grants.contains(g)
                    ? freshEq(SymbolName.grant(key: g.key, entity: g.entity), chain(on) { $0.grants[g] }, ctx.boolConst)
                    : on
            }
            for (r, th) in s.thresholds.sorted(by: { $0.key < $1.key }) {
                ns.thresholds[r] =
                    all || w.thresholds.contains(r)
                    ? freshEq(SymbolName.threshold(r), chain(th) { $0.thresholds[r] }, ctx.intConst) : th
            }
        } else {
            ns.holders = s.holders
            ns.grants = s.grants
            ns.thresholds = s.thresholds
        }
        if let c = world.procedure.containment {
            ns.contained = freshEq("contained", ctx.or([s.contained, lowering.lower(c.expr, ns)]), ctx.boolConst)
        }
        return ns
    }

    func stepAction(_ alt: Alternative) -> Action? {
        if case .step(let j) = alt { return world.model.action(world.procedure.steps[j].action) }
        return nil
    }

    func isAlt(_ t: SymbolicTransition, _ k: Int) -> Z3Expr { ctx.eq(t.selector, ctx.int(k)) }

    /// Index of step `j`'s alternative.
    func stepAlternative(_ j: Int) -> Int { 1 + j }
}
