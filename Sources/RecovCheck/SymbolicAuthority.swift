import RecovIR
import RecovSMT

/// The symbolic twin of `AuthorityRules.satisfies`, defined once for the lowering: whether a
/// coalition (entity membership as Z3 booleans) satisfies a role in a symbolic state. Timing
/// (nested delays, grace) depends on declarations only and is taken from `AuthorityRules` as is.
///
/// Scale (docs/semantics.md, "Authority"): a key that no action or attack rotates keeps its
/// declared holder in every state (`Unrolling` gives it no per-step state, `ProofCheck` confirms
/// it), so controlling it is that holder's membership, and a multisig counts such keys per holder
/// entity (one term per entity, not one per key). Only a rotated key's holder is state, compared
/// with the entities that can hold it: its declared holder and the targets of its rotations (every
/// entity when the actor chooses the target).
/// The naive baseline (`--authority-encoding naive`) keeps every holder as state, compared with
/// every entity.
struct SymbolicAuthority {
    let world: World
    let ctx: Z3Context
    /// Entity name → index used for key holders in symbolic states.
    let entityIndex: [String: Int]
    /// Allowlist pairs a trace can switch on, per key.
    private let grantsByKey: [String: [Grant]]
    /// Each key's declared holder.
    private let declaredHolder: [String: String]
    /// For each key whose holder is state: the entities that can hold it, in declaration order.
    private let holderCandidates: [String: [String]]
    /// A named integer constant equal to a count of members (0 up to `upTo`), defined once per
    /// distinct count by the unrolling's solver: the arithmetic then bounds a small coalition's
    /// key count directly, where Z3 4.8 left the same sum of if-then-elses undecided for minutes.
    let named: (_ count: Z3Expr, _ upTo: Int) -> Z3Expr

    /// `grantPairs`: every (key, entity) allowlist pair a trace can switch on. `naive`: every
    /// key's holder is state, compared with every entity (the benchmark baseline).
    init(
        world: World, ctx: Z3Context, entityIndex: [String: Int], grantPairs: [Grant], naive: Bool = false,
        named: @escaping (_ count: Z3Expr, _ upTo: Int) -> Z3Expr = { c, _ in c }
    ) {
        self.world = world
        self.named = named
        self.ctx = ctx
        self.entityIndex = entityIndex
        var byKey: [String: [Grant]] = [:]
        for g in grantPairs { byKey[g.key, default: []].append(g) }
        grantsByKey = byKey
        var holder: [String: String] = [:]
        for k in world.model.keys { holder[k.name] = k.holder }
        declaredHolder = holder
        let entities = world.model.entities.map(\.name)
        var candidates: [String: Set<String>] = [:]
        if naive {
            for k in world.model.keys { candidates[k.name] = Set(entities) }
        } else {
            for a in world.model.actions + world.attacks {
                for e in a.effects {
                    switch e.change {
                    case .rotateKey(let k, let to): candidates[k, default: Set(holder[k].map { [$0] } ?? [])].insert(to)
                    // A holder the actor chooses may be any entity.
                    case .rotateKeyTo(let k, _): candidates[k, default: []].formUnion(entities)
                    default: break
                    }
                }
            }
        }
        holderCandidates = candidates.mapValues { c in entities.filter { c.contains($0) } }
    }

    /// Whether the coalition controls `key` in `s`: it holds it or an allowlist entry gives it the key.
    func controls(_ key: String, _ s: SymbolicState, _ member: (String) -> Z3Expr) -> Z3Expr {
        var parts: [Z3Expr] = []
        if let candidates = holderCandidates[key] {
            if let h = s.holders[key] {
                for e in candidates { parts.append(ctx.and([ctx.eq(h, ctx.int(entityIndex[e]!)), member(e)])) }
            }
        } else if let h = declaredHolder[key], entityIndex[h] != nil {
            parts.append(member(h))
        }
        for g in grantsByKey[key] ?? [] {
            if let on = s.grants[g] { parts.append(ctx.and([on, member(g.entity)])) }
        }
        return ctx.or(parts)
    }

    /// How many of `keys` the coalition controls in `s`: keys with a fixed holder and no allowlist
    /// entry counted per holder (`n` if the holder is a member), the others one by one.
    func controlledCount(_ keys: [String], _ s: SymbolicState, _ member: (String) -> Z3Expr) -> Z3Expr {
        var perEntity: [String: Int] = [:]
        var terms: [Z3Expr] = []
        for k in keys {
            if holderCandidates[k] == nil, (grantsByKey[k] ?? []).isEmpty, let h = declaredHolder[k],
                entityIndex[h] != nil
            {
                perEntity[h, default: 0] += 1
            } else {
                terms.append(ctx.count(controls(k, s, member)))
            }
        }
        // One term per distinct count n: n × how many members hold n of these keys. The membership
        // counts are the very terms the coalition's size is made of (`PropertyEncoding`), so the
        // solver's arithmetic relates "fewer than m entities" to "t keys" without case splits.
        // Members known outright (the honest side, the attacker alone) are counted here.
        var byCount: [Int: [Z3Expr]] = [:]
        var known = 0
        for e in world.model.entities {
            guard let n = perEntity[e.name] else { continue }
            let m = member(e.name)
            switch ctx.literalBool(m) {
            case true?: known += n
            case false?: break
            case nil: byCount[n, default: []].append(ctx.count(m))
            }
        }
        if known > 0 { terms.append(ctx.int(known)) }
        for (n, members) in byCount.sorted(by: { $0.key < $1.key }) {
            let count = named(ctx.add(members), members.count)
            terms.append(n == 1 ? count : ctx.mul(ctx.int(n), count))
        }
        return terms.isEmpty ? ctx.int(0) : ctx.add(terms)
    }

    /// Mirrors `AuthorityRules.satisfies` case by case: the coalition's opponents are the honest
    /// entities outside it.
    func satisfies(_ roleName: String, _ s: SymbolicState, attacker: Z3Expr, borrow: Bool, member: (String) -> Z3Expr)
        -> Z3Expr
    {
        satisfies(
            roleName, s, attacker: attacker, borrow: borrow, member: member, opponentsAreAttacker: ctx.falseExpr,
            opponents: { e in
                if world.compromised.contains(e) { return ctx.falseExpr }
                let m = member(e)
                return ctx.literalBool(m).map { ctx.bool(!$0) } ?? ctx.not(m)
            })
    }

    /// Mirrors `AuthorityRules.satisfies(_:in:attacker:borrow:member:opponentsAreAttacker:opponents:)`.
    func satisfies(
        _ roleName: String, _ s: SymbolicState, attacker: Z3Expr, borrow: Bool, member: (String) -> Z3Expr,
        opponentsAreAttacker: Z3Expr, opponents: (String) -> Z3Expr, contested: Bool = false
    ) -> Z3Expr {
        guard let r = world.model.role(roleName) else { return ctx.falseExpr }
        func sat(_ name: String) -> Z3Expr {
            satisfies(
                name, s, attacker: attacker, borrow: borrow, member: member, opponentsAreAttacker: opponentsAreAttacker,
                opponents: opponents, contested: contested)
        }
        // What the opponents borrow and count against a cancellation (`AuthorityRules.tally`).
        func opposingBorrowed() -> Z3Expr {
            let b = contested ? AuthorityRules(world: world).borrowed(r, attacker: true, borrow: true) : 0
            return b > 0 ? ctx.ite(opponentsAreAttacker, ctx.int(b), ctx.int(0)) : ctx.int(0)
        }
        switch r.rule {
        case .anyone: return ctx.trueExpr
        case .key(let k): return ctx.and([controls(k, s, member)])
        case .multisig(let keys, let declared):
            return ctx.ge(controlledCount(keys, s, member), s.thresholds[r.name] ?? ctx.int(declared))
        case .timelock(let t):
            let inner = sat(t.role)
            guard let veto = t.vetoBy else { return inner }
            // In time whoever cancels, or only when the attacker does (`AuthorityRules.cancelsInTime`,
            // which depends on declarations only).
            let rules = AuthorityRules(world: world)
            guard rules.cancelsInTime(veto, t, cancellerIsAttacker: true) else { return inner }
            let inTime =
                rules.cancelsInTime(veto, t, cancellerIsAttacker: false) ? ctx.trueExpr : opponentsAreAttacker
            let cancelled = satisfies(
                veto, s, attacker: opponentsAreAttacker, borrow: true, member: opponents,
                opponentsAreAttacker: attacker, opponents: member, contested: true)
            return ctx.and([inner, ctx.not(ctx.and([inTime, cancelled]))])
        case .governance(let g):
            let ps = g.powers
            // The amount is AuthorityRules.borrowed with the attacker in the coalition.
            let b = AuthorityRules(world: world).borrowed(r, attacker: true, borrow: borrow)
            let borrowed = b > 0 ? ctx.ite(attacker, ctx.int(b), ctx.int(0)) : ctx.int(0)
            let mine = ctx.add(ps.map { ctx.ite(member($0.entity), ctx.int($0.power), ctx.int(0)) } + [borrowed])
            let total = ctx.add([ctx.int(ps.map(\.power).reduce(0, +)), borrowed, opposingBorrowed()])
            let sm = g.supermajority
            var parts = [
                ctx.ge(ctx.mul(mine, ctx.int(sm.den)), ctx.mul(ctx.int(sm.num), total)), ctx.gt(total, ctx.int(0)),
            ]
            if let q = g.quorum { parts.append(ctx.ge(ctx.mul(mine, ctx.int(q.den)), ctx.mul(ctx.int(q.num), total))) }
            return ctx.and(parts)
        case .allOf(let roles):
            return ctx.and(roles.map { sat($0) })
        case .governor(let g):
            // Mirrors `AuthorityRules.tally` and `Tally.passes`.
            let b = AuthorityRules(world: world).borrowed(r, attacker: true, borrow: borrow)
            var forParts: [Z3Expr] = [b > 0 ? ctx.ite(attacker, ctx.int(b), ctx.int(0)) : ctx.int(0)]
            var against: [Z3Expr] = [opposingBorrowed()]
            var abstain: [Z3Expr] = [ctx.int(0)]
            for h in g.votes {
                let p = amount(h, s)
                let zero = ctx.int(0)
                let inC = member(h.entity)
                forParts.append(ctx.ite(inC, p, zero))
                if world.compromised.contains(h.entity) || g.opposing.contains(h.entity) {
                    against.append(ctx.ite(inC, zero, p))
                } else if contested {
                    // The coalition whose operation this cancels votes Against it.
                    let opp = opponents(h.entity)
                    against.append(ctx.ite(inC, zero, ctx.ite(opp, p, zero)))
                    if g.abstaining.contains(h.entity) { abstain.append(ctx.ite(inC, zero, ctx.ite(opp, zero, p))) }
                } else if g.abstaining.contains(h.entity) {
                    abstain.append(ctx.ite(inC, zero, p))
                }
            }
            let forV = ctx.add(forParts)
            let againstV = ctx.add(against)
            let quorumV = g.quorumCounts == .forAndAbstain ? ctx.add([forV, ctx.add(abstain)]) : forV
            return ctx.and([
                ctx.ge(forV, ctx.int(g.proposalThreshold)), ctx.ge(quorumV, ctx.int(g.quorum)), ctx.gt(forV, againstV),
            ])
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
        satisfies(
            role, s, attacker: ctx.falseExpr, borrow: true, member: { ctx.bool(!world.compromised.contains($0)) },
            opponentsAreAttacker: ctx.trueExpr, opponents: { ctx.bool(world.compromised.contains($0)) })
    }

    /// Whether insider `entity` alone satisfies `role`: mirrors `AuthorityRules.insiderSatisfies`.
    func insiderSatisfies(_ role: String, _ entity: String, _ s: SymbolicState) -> Z3Expr {
        satisfies(role, s, attacker: ctx.falseExpr, borrow: false) { ctx.bool($0 == entity) }
    }

    /// Whether the attacker alone (compromised entities, borrowed power, open roles) satisfies `role`.
    func attackerSatisfies(_ role: String, _ s: SymbolicState) -> Z3Expr {
        satisfies(role, s, attacker: ctx.trueExpr, borrow: true) { ctx.bool(world.compromised.contains($0)) }
    }
}
