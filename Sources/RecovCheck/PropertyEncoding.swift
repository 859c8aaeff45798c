import RecovIR
import RecovSMT

/// The violation condition of one property at each depth of an unrolling.
///
/// `violation(at: d)` says the property fails in state `d` or in the transition into it, so the
/// first depth with a satisfiable violation gives a shortest counterexample.
struct PropertyEncoding {
    let rule: Rule
    let unrolling: Unrolling
    /// Coalition membership, for `no-unilateral-control`: the attacker and each honest entity.
    let attackerInCoalition: Z3Expr
    let coalition: [String: Z3Expr]

    let naive: Bool
    /// The state at the trigger, which `containment-time`, `blast-radius` and the `Window` of
    /// `bounded-intervention` measure from: the unrolling's first state, unless an invariant proof
    /// (`InvariantProof`) supplies a frozen copy (its consecution query starts from any state).
    let origin: SymbolicState

    init(
        rule: Rule, unrolling u: Unrolling, authorityEncoding: AuthorityEncoding = .structured,
        origin: SymbolicState? = nil
    ) {
        self.rule = rule
        self.origin = origin ?? u.states[0]
        self.naive = authorityEncoding == .naive
        self.unrolling = u
        let ctx = u.ctx
        attackerInCoalition = u.coalitionAttacker
        let c = u.coalitionMembers
        coalition = c
        if rule == .noUnilateralControl {
            // Only coalitions smaller than the largest minimum of a checked role can violate.
            let m = u.world.model
            let largest =
                u.world.privilegedRoles.filter { $0.allowUnilateral == nil }.map { m.minCoalition(of: $0) }.max()
                ?? m.minCoalition
            u.solver.assert(ctx.le(u.coalitionSize, ctx.int(largest - 1)))
            // Each member counts 0 or 1: said outright, so the arithmetic bounds the keys a small
            // coalition holds (`SymbolicAuthority.controlledCount`) without trying members one by one.
            for x in [ctx.count(attackerInCoalition)] + u.world.honestEntities.map({ ctx.count(c[$0]!) }) {
                u.solver.assert(ctx.and([ctx.ge(x, ctx.int(0)), ctx.le(x, ctx.int(1))]))
            }
        }
    }

    var ctx: Z3Context { unrolling.ctx }
    var world: World { unrolling.world }

    /// Roles whose control the check counts: privileged, and not explicitly allowed to one entity.
    var checkedRoles: [Role] { world.privilegedRoles.filter { $0.allowUnilateral == nil } }

    func member(_ entity: String) -> Z3Expr { unrolling.coalitionMember(entity) }

    /// Whether deeper states can add anything for this property.
    var needsUnrolling: Bool {
        rule != .noUnilateralControl || world.authorityIsDynamic || naive
    }

    func violation(at d: Int) -> Z3Expr? {
        let u = unrolling
        let s = u.states[d]
        switch rule {
        case .invariant:
            let invs = world.model.invariants + world.procedure.invariants
            let parts = invs.map { ctx.not(u.lowering.lower($0.expr, s)) } + rangeViolations(d)
            return parts.isEmpty ? nil : ctx.or(parts)
        case .containmentTime:
            guard let budget = world.procedure.containmentBudget else { return nil }
            let late = ctx.gt(s.now, ctx.add([origin.now, ctx.int(budget)]))
            return ctx.and([ctx.not(s.contained), ctx.or([late, u.blocked(d)])])
        case .blastRadius:
            guard let br = world.procedure.blastRadius else { return nil }
            if let w = BudgetWindows(br) {
                // Some earlier state of the last state's window is more than the budget below it.
                let loss = u.lowering.lower(br.loss, s)
                return ctx.or(
                    (0...d).map { i in
                        ctx.and([
                            inOneWindow(w, u.states[i], s),
                            ctx.gt(ctx.sub(loss, u.lowering.lower(br.loss, u.states[i])), ctx.int(br.max)),
                        ])
                    })
            }
            return ctx.gt(ctx.sub(u.lowering.lower(br.loss, s), u.lowering.lower(br.loss, origin)), ctx.int(br.max))
        case .boundedIntervention:
            var parts = stateBoundViolations(d)
            if d >= 1 { parts += stepWriteViolations(d - 1).map(\.1) }
            return ctx.or(parts)
        case .noCollateralLoss:
            guard d >= 1, let claim = world.model.claim else { return nil }
            let i = d - 1
            let before = u.lowering.lower(claim.expr, u.states[i], SymbolicEnv(account: u.account))
            let after = u.lowering.lower(claim.expr, s, SymbolicEnv(account: u.account))
            return ctx.and([ctx.not(initiatedByAccount(i)), ctx.lt(after, before), ctx.not(reductionAllowed(i))])
        case .noUnilateralControl:
            let roles = checkedRoles
            if roles.isEmpty { return nil }
            // Each role against its own minimum coalition (`Model.minCoalition(of:)`).
            return ctx.or(
                roles.map { r in
                    ctx.and([
                        roleSatisfied(r.name, d), ctx.le(u.coalitionSize, ctx.int(world.model.minCoalition(of: r) - 1)),
                    ])
                })
        case .sanity:
            return nil
        }
    }

    /// Whether states `a` (earlier) and `b` lie in one window of a per-period budget
    /// (`BudgetWindows.inOneWindow`, measured from the trigger at `origin`).
    func inOneWindow(_ w: BudgetWindows, _ a: SymbolicState, _ b: SymbolicState) -> Z3Expr {
        Self.inOneWindow(ctx, w, trigger: origin.now, a.now, b.now)
    }

    static func inOneWindow(_ ctx: Z3Context, _ w: BudgetWindows, trigger t0: Z3Expr, _ a: Z3Expr, _ b: Z3Expr)
        -> Z3Expr
    {
        switch w.kind {
        case .rolling: return ctx.lt(ctx.sub(b, a), ctx.int(w.per))
        case .fixed:
            let p = ctx.int(w.per)
            return ctx.eq(ctx.div(ctx.sub(a, t0), p), ctx.div(ctx.sub(b, t0), p))
        }
    }

    func roleSatisfied(_ role: String, _ d: Int) -> Z3Expr {
        if naive, let r = world.model.role(role), case .multisig(let keys, let threshold) = r.rule {
            return naiveMultisig(r.name, keys: keys, threshold: threshold, d)
        }
        return unrolling.satisfies(
            role, unrolling.states[d], attacker: attackerInCoalition, borrow: true, member: member)
    }

    /// The benchmark baseline: a fresh "signed" Boolean per key and depth, each implying control.
    private func naiveMultisig(_ role: String, keys: [String], threshold: Int, _ d: Int) -> Z3Expr {
        let s = unrolling.states[d]
        var count: [Z3Expr] = []
        for k in keys {
            let signed = ctx.boolConst(SymbolName.signed(role: role, key: k) + "@\(d)")
            unrolling.solver.assert(ctx.implies(signed, unrolling.authority.controls(k, s, member)))
            count.append(ctx.count(signed))
        }
        return ctx.ge(ctx.add(count), s.thresholds[role] ?? ctx.int(threshold))
    }

    /// State-level parts of `bounded-intervention` at depth `d`, each with a description.
    func stateBoundViolations(_ d: Int) -> [Z3Expr] {
        let u = unrolling
        let s = u.states[d]
        var parts: [Z3Expr] = []
        for (j, st) in world.procedure.steps.enumerated() {
            for b in st.bounds {
                guard case .maxDuration(let e, let dur) = b.limit else { continue }
                parts.append(
                    ctx.and([
                        ctx.ge(s.stepTimes[j], ctx.int(0)),
                        ctx.gt(s.now, ctx.add([s.stepTimes[j], ctx.int(dur)])),
                        u.lowering.lower(e, s),
                    ]))
            }
        }
        if let w = world.procedure.window {
            parts.append(
                ctx.and([
                    ctx.lt(s.pc, ctx.int(world.procedure.steps.count)),
                    ctx.gt(s.now, ctx.add([origin.now, ctx.int(w)])),
                ]))
        }
        if !world.procedure.steps.isEmpty { parts.append(u.blocked(d)) }
        return parts
    }

    /// Transition-level parts of `bounded-intervention` for transition `i`: undeclared writes and bounds.
    func stepWriteViolations(_ i: Int) -> [(Int, Z3Expr)] {
        let u = unrolling
        let s = u.states[i]
        let n = u.states[i + 1]
        let t = u.transitions[i]
        var out: [(Int, Z3Expr)] = []
        for (j, st) in world.procedure.steps.enumerated() {
            let declared = Set(st.writes)
            var bad: [Z3Expr] = []
            for v in world.model.state where !declared.contains(v.name) {
                switch v.type {
                case .int: bad.append(ctx.not(ctx.eq(n.ints[v.name]!, s.ints[v.name]!)))
                case .bool: bad.append(ctx.not(ctx.eq(n.bools[v.name]!, s.bools[v.name]!)))
                case .map:
                    bad.append(
                        ctx.not(ctx.eq(ctx.select(n.maps[v.name]!, u.account), ctx.select(s.maps[v.name]!, u.account))))
                }
            }
            if u.dynamicAuthority {
                // A holder no action writes is the same term in both states: nothing to compare.
                for k in world.model.keys where !declared.contains(k.name) {
                    if u.naiveAuthority || u.authorityWrites.keys.contains(k.name), let a = n.holders[k.name],
                        let b = s.holders[k.name]
                    {
                        bad.append(ctx.not(ctx.eq(a, b)))
                    }
                    for (g, on) in n.grants.sorted(by: { $0.key < $1.key }) where g.key == k.name {
                        bad.append(ctx.not(ctx.eq(on, s.grants[g]!)))
                    }
                }
                for (r, th) in n.thresholds.sorted(by: { $0.key < $1.key }) where !declared.contains(r) {
                    bad.append(ctx.not(ctx.eq(th, s.thresholds[r]!)))
                }
            }
            for b in st.bounds {
                guard let target = b.target, let after = n.ints[target], let before = s.ints[target] else { continue }
                switch b.limit {
                case .range(_, let min, let max):
                    if let lo = min { bad.append(ctx.lt(after, ctx.int(lo))) }
                    if let hi = max { bad.append(ctx.gt(after, ctx.int(hi))) }
                case .maxChange(_, let amountValue):
                    let delta = ctx.sub(after, before)
                    let amount = ctx.int(amountValue)
                    bad.append(ctx.or([ctx.gt(delta, amount), ctx.lt(delta, ctx.neg(amount))]))
                case .maxDuration: break
                }
            }
            out.append((j, ctx.and([u.isAlt(t, u.stepAlternative(j)), ctx.or(bad)])))
        }
        return out
    }

    /// Whether the representative account itself took transition `i`.
    func initiatedByAccount(_ i: Int) -> Z3Expr {
        let u = unrolling
        let t = u.transitions[i]
        var parts: [Z3Expr] = []
        for (k, alt) in u.alternatives.enumerated() {
            if case .user = alt { parts.append(ctx.and([u.isAlt(t, k), ctx.eq(t.caller, u.account)])) }
        }
        return ctx.or(parts)
    }

    /// Whether transition `i` is an action that may lower the representative account's claim.
    func reductionAllowed(_ i: Int) -> Z3Expr {
        let u = unrolling
        let t = u.transitions[i]
        var parts: [Z3Expr] = []
        for (k, alt) in u.alternatives.enumerated() {
            guard let a = alt.action ?? u.stepAction(alt), let r = a.allowedReduction else { continue }
            var env = t.envs[k]
            env.account = u.account
            parts.append(ctx.and([u.isAlt(t, k), u.lowering.lower(r, u.states[i], env)]))
        }
        return ctx.or(parts)
    }
}
