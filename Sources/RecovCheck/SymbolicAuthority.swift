import RecovIR
import RecovSMT

/// The symbolic twin of `AuthorityRules.satisfies`, defined once for the lowering: whether a
/// coalition (entity membership as Z3 booleans) satisfies a role in a symbolic state. Timing
/// (nested delays, grace) depends on declarations only and is taken from `AuthorityRules` as is.
struct SymbolicAuthority {
    let world: World
    let ctx: Z3Context
    /// Entity name → index used for key holders in symbolic states.
    let entityIndex: [String: Int]
    /// Every (key, entity) allowlist pair a trace can switch on.
    let grantPairs: [Grant]

    /// Whether the coalition controls `key` in `s`: it holds it or an allowlist entry gives it the key.
    func controls(_ key: String, _ s: SymbolicState, _ member: (String) -> Z3Expr) -> Z3Expr {
        var parts: [Z3Expr] = []
        if let h = s.holders[key] {
            for e in world.model.entities { parts.append(ctx.and([ctx.eq(h, ctx.int(entityIndex[e.name]!)), member(e.name)])) }
        }
        for g in grantPairs where g.key == key {
            if let on = s.grants[g] { parts.append(ctx.and([on, member(g.entity)])) }
        }
        return ctx.or(parts)
    }

    /// Mirrors `AuthorityRules.satisfies` case by case.
    func satisfies(_ roleName: String, _ s: SymbolicState, attacker: Z3Expr, borrow: Bool, member: (String) -> Z3Expr) -> Z3Expr {
        guard let r = world.model.role(roleName) else { return ctx.falseExpr }
        switch r.rule {
        case .anyone: return ctx.trueExpr
        case .key(let k): return ctx.and([controls(k, s, member)])
        case .multisig(let keys, let declared):
            let count = ctx.add(keys.map { ctx.count(controls($0, s, member)) })
            return ctx.ge(count, s.thresholds[r.name] ?? ctx.int(declared))
        case .timelock(let t):
            let inner = satisfies(t.role, s, attacker: attacker, borrow: borrow, member: member)
            let veto = t.vetoBy.map { satisfies($0, s, attacker: attacker, borrow: false, member: member) } ?? ctx.trueExpr
            return ctx.and([inner, veto])
        case .governance(let g):
            let ps = g.powers
            // The amount is AuthorityRules.borrowed with the attacker in the coalition.
            let b = AuthorityRules(world: world).borrowed(r, attacker: true, borrow: borrow)
            let borrowed = b > 0 ? ctx.ite(attacker, ctx.int(b), ctx.int(0)) : ctx.int(0)
            let mine = ctx.add(ps.map { ctx.ite(member($0.entity), ctx.int($0.power), ctx.int(0)) } + [borrowed])
            let total = ctx.add([ctx.int(ps.map(\.power).reduce(0, +)), borrowed])
            let sm = g.supermajority
            var parts = [ctx.ge(ctx.mul(mine, ctx.int(sm.den)), ctx.mul(ctx.int(sm.num), total)), ctx.gt(total, ctx.int(0))]
            if let q = g.quorum { parts.append(ctx.ge(ctx.mul(mine, ctx.int(q.den)), ctx.mul(ctx.int(q.num), total))) }
            return ctx.and(parts)
        case .allOf(let roles): return ctx.and(roles.map { satisfies($0, s, attacker: attacker, borrow: borrow, member: member) })
        case .governor(let g):
            // Mirrors `AuthorityRules.tally` and `Tally.passes`.
            let b = AuthorityRules(world: world).borrowed(r, attacker: true, borrow: borrow)
            var forParts: [Z3Expr] = [b > 0 ? ctx.ite(attacker, ctx.int(b), ctx.int(0)) : ctx.int(0)]
            var against: [Z3Expr] = [ctx.int(0)], abstain: [Z3Expr] = [ctx.int(0)]
            for h in g.votes {
                let p = amount(h, s), zero = ctx.int(0)
                let inC = member(h.entity)
                forParts.append(ctx.ite(inC, p, zero))
                if world.compromised.contains(h.entity) || g.opposing.contains(h.entity) { against.append(ctx.ite(inC, zero, p)) }
                else if g.abstaining.contains(h.entity) { abstain.append(ctx.ite(inC, zero, p)) }
            }
            let forV = ctx.add(forParts), againstV = ctx.add(against)
            let quorumV = g.quorumCounts == .forAndAbstain ? ctx.add([forV, ctx.add(abstain)]) : forV
            return ctx.and([ctx.ge(forV, ctx.int(g.proposalThreshold)), ctx.ge(quorumV, ctx.int(g.quorum)), ctx.gt(forV, againstV)])
        case .shutdownModule(let m):
            // Mirrors `AuthorityRules.deposits`.
            let mine = m.holdings.map { ctx.ite(member($0.entity), amount($0, s), ctx.int(0)) }
            return ctx.ge(ctx.add([s.ints[m.deposited] ?? ctx.int(0)] + mine), ctx.int(m.threshold))
        }
    }

    /// An entity's voting power or holding in `s`: `VoteHolding.value`.
    func amount(_ h: VoteHolding, _ s: SymbolicState) -> Z3Expr {
        switch h.amount {
        case .fixed(let x): return ctx.int(x)
        case .variable(let v): return s.ints[v] ?? ctx.int(0)
        }
    }

    /// Whether the honest entities (all but the compromised ones) satisfy `role`.
    func honestSatisfies(_ role: String, _ s: SymbolicState) -> Z3Expr {
        satisfies(role, s, attacker: ctx.falseExpr, borrow: true) { ctx.bool(!world.compromised.contains($0)) }
    }

    /// Whether the attacker alone (compromised entities, borrowed power, open roles) satisfies `role`.
    func attackerSatisfies(_ role: String, _ s: SymbolicState) -> Z3Expr {
        satisfies(role, s, attacker: ctx.trueExpr, borrow: true) { ctx.bool(world.compromised.contains($0)) }
    }
}
