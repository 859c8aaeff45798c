import RecovIR

/// The state variables a property can depend on: those it reads, and every variable read by a
/// transition (its guard, `while:` condition, effects, a step's arguments) that writes one of them,
/// closed under that. The CHC engine (`CHCProof`) gives Spacer only these (`StateVocabulary`):
/// the others are then free in each state, an over-approximation of the transitions (a proof over
/// it holds for the real ones, and the re-check confirms it over the whole state anyway).
enum ConeOfInfluence {
    /// The variables read by `e`.
    static func reads(_ e: Expr) -> Set<String> {
        var out: Set<String> = []
        e.forEach { x in
            switch x {
            case .variable(let n), .select(let n, _): out.insert(n)
            default: break
            }
        }
        return out
    }

    /// The variables the property of `rule` reads (`discharged`: ranges already known to hold,
    /// left out of the `invariant` rule's seeds); nil: every variable.
    static func seeds(_ world: World, _ rule: Rule, discharged: Set<String>) -> Set<String>? {
        let p = world.procedure
        switch rule {
        case .invariant:
            var s: Set<String> = []
            for a in world.model.invariants + p.invariants { s.formUnion(reads(a.expr)) }
            for v in world.model.state where (v.min != nil || v.max != nil) && !discharged.contains(v.name) {
                s.insert(v.name)
            }
            return s
        case .blastRadius: return p.blastRadius.map { reads($0.loss) } ?? []
        case .containmentTime: return p.containment.map { reads($0.expr) } ?? []
        case .noCollateralLoss:
            var s = world.model.claim.map { reads($0.expr) } ?? []
            for a in world.model.actions + world.attacks { if let r = a.allowedReduction { s.formUnion(reads(r)) } }
            return s
        case .boundedIntervention, .noUnilateralControl, .sanity: return nil
        }
    }

    /// The state variables `a` assigns (its `Assign` and `AssignAll` targets).
    static func writes(_ a: Action) -> Set<String> {
        Set(
            a.effects.compactMap { e -> String? in
                switch e.change {
                case .assign(let t, _, _), .assignAll(let t, _): return t
                default: return nil
                }
            })
    }

    /// Whether `e` reads the clock (`now`).
    static func readsClock(_ e: Expr) -> Bool {
        var r = false
        e.forEach { if case .now = $0 { r = true } }
        return r
    }

    /// Whether the clock and the procedure's progress matter to a property over `cone`: the rule
    /// measures time, a procedure step writes a variable of the cone, or a transition that writes
    /// one reads the clock.
    static func needsTiming(_ world: World, _ rule: Rule, _ cone: Set<String>) -> Bool {
        if rule == .containmentTime || rule == .boundedIntervention { return true }
        for st in world.procedure.steps {
            if let a = world.model.action(st.action), !writes(a).isDisjoint(with: cone) { return true }
        }
        for a in world.model.actions + world.attacks where !writes(a).isDisjoint(with: cone) {
            let exprs =
                [a.guardExpr] + (a.live.map { [$0] } ?? [])
                + a.effects.compactMap { e -> Expr? in
                    switch e.change {
                    case .assign(_, _, let v), .assignAll(_, let v): return v
                    default: return nil
                    }
                }
            if exprs.contains(where: readsClock) { return true }
        }
        return false
    }

    /// The cone of `seeds` under the world's transitions.
    static func cone(_ world: World, _ seeds: Set<String>) -> Set<String> {
        var transitions: [(writes: Set<String>, reads: Set<String>)] = []
        func add(_ a: Action, extra: [Expr] = []) {
            var w: Set<String> = []
            var r: Set<String> = []
            for e in [a.guardExpr] + (a.live.map { [$0] } ?? []) + extra { r.formUnion(reads(e)) }
            for e in a.effects {
                switch e.change {
                case .assign(let t, let i, let v):
                    w.insert(t)
                    r.formUnion(reads(v))
                    if let i { r.formUnion(reads(i)) }
                case .assignAll(let t, let v):
                    w.insert(t)
                    r.formUnion(reads(v))
                case .setThreshold(_, let v): r.formUnion(reads(v))
                case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom: break
                }
            }
            transitions.append((w, r))
        }
        for a in world.model.actions + world.attacks { add(a) }
        for st in world.procedure.steps {
            if let a = world.model.action(st.action) { add(a, extra: st.args.map(\.value)) }
        }
        var cone = seeds
        var changed = true
        while changed {
            changed = false
            for t in transitions where !t.writes.isDisjoint(with: cone) && !t.reads.isSubset(of: cone) {
                cone.formUnion(t.reads)
                changed = true
            }
        }
        return cone
    }
}
