import RecovIR

/// Re-checks a property on a concrete trace with the reference evaluator, and says in one
/// sentence what was violated. A counterexample is reported only if this confirms it; saved
/// counterexample files are re-checked with it when they are replayed.
public struct ConcreteProperties: Sendable {
    public let world: World
    public let evaluator: Evaluator

    public init(world: World) {
        self.world = world
        self.evaluator = Evaluator(world: world)
    }

    /// What the solver claimed, beyond the trace itself.
    public struct Witness: Sendable, Hashable {
        /// The representative account of `no-collateral-loss` and map writes of `bounded-intervention`.
        public var account: Int?
        /// The entities of the violating coalition (`no-unilateral-control`), compromised ones included.
        public var coalitionEntities: [String] = []
        /// Whether the attacker (the compromised entities, with borrowed power) is in the coalition.
        public var attackerInCoalition = false

        public init(account: Int? = nil, coalitionEntities: [String] = [], attackerInCoalition: Bool = false) {
            self.account = account
            self.coalitionEntities = coalitionEntities
            self.attackerInCoalition = attackerInCoalition
        }
    }

    /// The violation at the last state (or last transition) of the trace, or nil if there is none:
    /// the one-sentence summary and the location of the violated declaration.
    public func violation(_ rule: Rule, states: [State], transitions: [Transition], witness: Witness)
        throws(EvaluationError) -> (String, SourceLocation)?
    {
        switch rule {
        case .invariant: return try invariantViolation(states, witness: witness)
        case .containmentTime: return try containmentViolation(states)
        case .blastRadius: return try blastRadiusViolation(states)
        case .boundedIntervention:
            if let v = try timingViolation(states) { return v }
            let d = states.count - 1
            guard d >= 1, case .step(_, let j, _, _)? = transitions.last else { return nil }
            let st = world.procedure.steps[j]
            return undeclaredWrite(st, states[d - 1], states[d], witness: witness)
                ?? boundViolation(st, states[d - 1], states[d])
        case .noCollateralLoss: return try collateralViolation(states, transitions: transitions, witness: witness)
        case .noUnilateralControl: return controlViolation(states[states.count - 1], witness: witness)
        case .sanity: return nil
        }
    }

    /// `invariant`: an invariant false in the last state, or a variable out of its declared range.
    private func invariantViolation(_ states: [State], witness: Witness) throws(EvaluationError) -> (
        String, SourceLocation
    )? {
        let d = states.count - 1
        let s = states[d]
        for inv in world.model.invariants + world.procedure.invariants where !(try evaluator.bool(inv.expr, s)) {
            return ("invariant '\(inv.name)' (\(inv.expr)) is false after \(d) transition(s)", inv.loc)
        }
        return RangeCheck(world: world).leftRange(s, transitions: d, witness: witness.account)
    }

    /// `containment-time`: still uncontained past the budget, or blocked at a step's deadline.
    private func containmentViolation(_ states: [State]) throws(EvaluationError) -> (String, SourceLocation)? {
        let s = states[states.count - 1]
        let p = world.procedure
        guard let budget = p.containmentBudget, let c = p.containment, !s.contained else { return nil }
        let elapsed = try Checked.sub(s.now, states[0].now, "the time since the trigger")
        if elapsed > budget {
            return (
                "not contained (\(c.expr)) \(HumanDuration.text(elapsed)) after the trigger, over the budget of \(HumanDuration.text(budget)) by \(HumanDuration.text(elapsed - budget))",
                c.loc
            )
        }
        if let j = try blockedStep(s) {
            return (
                "step '\(p.steps[j].name)' cannot run at its deadline, \(HumanDuration.text(elapsed)) after the trigger\(expiryNote(j)) (\(blockedReason(j, s))), and the protocol is not yet contained (\(c.expr))",
                p.steps[j].loc
            )
        }
        return nil
    }

    /// `blast-radius`: the loss grew beyond its budget since the trigger.
    private func blastRadiusViolation(_ states: [State]) throws(EvaluationError) -> (String, SourceLocation)? {
        guard let br = world.procedure.blastRadius else { return nil }
        if let windows = BudgetWindows(br) { return try windowViolation(windows, states) }
        let before = try evaluator.int(br.loss, states[0])
        let after = try evaluator.int(br.loss, states[states.count - 1])
        let (lost, beyond64) = after.subtractingReportingOverflow(before)
        if beyond64 {
            // Both values fit in 64 bits but their difference does not: decided exactly.
            guard after > before else { return nil }
            return (
                "value lost (\(br.loss)) grew from \(before) to \(after): more than 9.2e18 lost, over the budget of \(br.max)",
                br.loc
            )
        }
        if lost > br.max {
            return (
                "value lost (\(br.loss)) grew from \(before) to \(after): \(lost) lost, over the budget of \(br.max) by \(lost - br.max)",
                br.loc
            )
        }
        return nil
    }

    /// `blast-radius` per period: the loss gained between two states of one window, the last
    /// state and an earlier one, is over the budget.
    private func windowViolation(_ w: BudgetWindows, _ states: [State]) throws(EvaluationError) -> (
        String, SourceLocation
    )? {
        let br = w.budget
        var losses: [Int] = []
        for s in states { losses.append(try evaluator.int(br.loss, s)) }
        guard let g = w.largestGain(losses: losses, times: states.map(\.now)), w.exceeds(g) else { return nil }
        let span = HumanDuration.text(w.per)
        let window =
            w.kind == .rolling
            ? "within one rolling window of \(span) (from \(HumanDuration.text(g.start)) to \(HumanDuration.text(g.start + w.per)) after the trigger)"
            : "within fixed window \(g.start / w.per + 1) of \(span) (from \(HumanDuration.text(g.start)) to \(HumanDuration.text(g.start + w.per)) after the trigger)"
        guard let lost = g.lost else {
            return (
                "value lost (\(br.loss)) grew from \(g.before) to \(g.after) \(window): more than 9.2e18 lost, over the per-window budget of \(br.max)",
                br.loc
            )
        }
        return (
            "value lost (\(br.loss)) grew from \(g.before) to \(g.after) \(window): \(lost) lost in that window, over the per-window budget of \(br.max) by \(lost - br.max)",
            br.loc
        )
    }

    /// `bounded-intervention`, in time: a `MaxDuration` overrun, the window passed, or a blocked step.
    private func timingViolation(_ states: [State]) throws(EvaluationError) -> (String, SourceLocation)? {
        let s = states[states.count - 1]
        let p = world.procedure
        for (j, st) in p.steps.enumerated() {
            for b in st.bounds {
                guard case .maxDuration(let e, let dur) = b.limit, j < s.stepTimes.count, let t = s.stepTimes[j] else {
                    continue
                }
                if s.now > (try Checked.add(t, dur, "the end of MaxDuration of step '\(st.name)'")),
                    try evaluator.bool(e, s)
                {
                    return (
                        "\(e) still holds \(HumanDuration.text(s.now - t)) after step '\(st.name)', beyond its declared maximum of \(HumanDuration.text(dur))",
                        b.loc
                    )
                }
            }
        }
        if let w = p.window, s.pc < p.steps.count,
            (try Checked.sub(s.now, states[0].now, "the time since the trigger")) > w
        {
            return (
                "the procedure has not finished \(HumanDuration.text(s.now - states[0].now)) after the trigger (step '\(p.steps[s.pc].name)' pending), beyond its window of \(HumanDuration.text(w))",
                p.loc
            )
        }
        if let j = try blockedStep(s) {
            return (
                "step '\(p.steps[j].name)' cannot run at its deadline (\(HumanDuration.text(evaluator.deadline(j))) after the previous step\(expiryNote(j))): \(blockedReason(j, s))",
                p.steps[j].loc
            )
        }
        return nil
    }

    /// `bounded-intervention`, in what step `st` (from `before` to `s`) wrote beyond its declared
    /// write set: a variable, the witness account's entry of a map, a key's signers, a threshold.
    private func undeclaredWrite(_ st: Step, _ before: State, _ s: State, witness: Witness) -> (String, SourceLocation)?
    {
        let declared = Set(st.writes)
        for v in world.model.state where !declared.contains(v.name) {
            switch v.type {
            case .int where before.ints[v.name] != s.ints[v.name]:
                return (
                    "step '\(st.name)' wrote '\(v.name)' (\(before.ints[v.name]!) → \(s.ints[v.name]!)), which it does not declare (declared: \(declaredText(st)))",
                    st.loc
                )
            case .bool where before.bools[v.name] != s.bools[v.name]:
                return (
                    "step '\(st.name)' wrote '\(v.name)' (\(before.bools[v.name]!) → \(s.bools[v.name]!)), which it does not declare (declared: \(declaredText(st)))",
                    st.loc
                )
            case .map:
                if let a = witness.account, before.maps[v.name]?[a] != s.maps[v.name]?[a] {
                    return (
                        "step '\(st.name)' wrote '\(v.name)[#\(a)]' (\(before.maps[v.name]?[a] ?? 0) → \(s.maps[v.name]?[a] ?? 0)), which it does not declare (declared: \(declaredText(st)))",
                        st.loc
                    )
                }
            default: break
            }
        }
        for k in world.model.keys where !declared.contains(k.name) {
            if before.holders[k.name] != s.holders[k.name]
                || before.grants.filter({ $0.key == k.name }) != s.grants.filter({ $0.key == k.name })
            {
                return (
                    "step '\(st.name)' changed who can sign with key '\(k.name)', which it does not declare (declared: \(declaredText(st)))",
                    st.loc
                )
            }
        }
        for r in world.model.roles where !declared.contains(r.name) && before.thresholds[r.name] != s.thresholds[r.name]
        {
            return (
                "step '\(st.name)' changed the threshold of '\(r.name)' (\(before.thresholds[r.name] ?? 0) → \(s.thresholds[r.name] ?? 0)), which it does not declare",
                st.loc
            )
        }
        return nil
    }

    /// `bounded-intervention`, in step `st`'s declared bounds: an `InRange` left or a `MaxChange` exceeded.
    private func boundViolation(_ st: Step, _ before: State, _ s: State) -> (String, SourceLocation)? {
        for b in st.bounds {
            guard let target = b.target, let x = s.ints[target], let x0 = before.ints[target] else { continue }
            switch b.limit {
            case .range(_, let min, let max):
                if let lo = min, x < lo {
                    return ("step '\(st.name)' set '\(target)' to \(x), below its declared minimum \(lo)", b.loc)
                }
                if let hi = max, x > hi {
                    return ("step '\(st.name)' set '\(target)' to \(x), above its declared maximum \(hi)", b.loc)
                }
            case .maxChange(_, let amt):
                let (delta, o) = x.subtractingReportingOverflow(x0)
                if o || delta.magnitude > UInt(Swift.max(amt, 0)) {
                    return (
                        "step '\(st.name)' changed '\(target)' by \(o ? "more than 9.2e18" : String(delta)) (\(x0) → \(x)), beyond its declared maximum change of \(amt)",
                        b.loc
                    )
                }
            case .maxDuration: break
            }
        }
        return nil
    }

    /// `no-collateral-loss`: the witness account's claim fell in the last transition, which it did
    /// not initiate and which its action does not allow.
    private func collateralViolation(_ states: [State], transitions: [Transition], witness: Witness)
        throws(EvaluationError) -> (String, SourceLocation)?
    {
        let d = states.count - 1
        guard d >= 1, let a = witness.account, let t = transitions.last else { return nil }
        let before = states[d - 1]
        guard let c0 = try evaluator.claim(of: a, in: before), let c1 = try evaluator.claim(of: a, in: states[d]),
            c1 < c0
        else { return nil }
        if case .action(_, a?, _) = t { return nil }
        if let act = evaluator.action(of: t), let r = act.allowedReduction {
            var env = try evaluator.bindings(of: t, in: before)
            env.account = a
            if try evaluator.bool(r, before, env) { return nil }
        }
        let through =
            "through \(TraceText.describe(t, world: world, before: before)), which account #\(a) did not initiate"
        if let r = world.model.redeemable {
            return (
                "redeemable value of account #\(a) fell from \(c0) to \(c1) \(through) (\(try redeemableChange(r, a, before, states[d])))",
                r.loc
            )
        }
        return ("claim of account #\(a) fell from \(c0) to \(c1) \(through)", world.model.claim?.loc ?? world.model.loc)
    }

    /// What moved the pro-rata share, in pool terms: "10 of 100 shares; the pool's assets 1000 → 400 (600 taken)".
    private func redeemableChange(_ r: RedeemableClaim, _ a: Int, _ before: State, _ after: State)
        throws(EvaluationError) -> String
    {
        let env = Evaluator.Env(account: a)
        let mine = Expr.select(r.shares, .account)
        let s0 = try evaluator.int(mine, before, env)
        let s1 = try evaluator.int(mine, after, env)
        let t0 = try evaluator.int(r.totalShares, before, env)
        let t1 = try evaluator.int(r.totalShares, after, env)
        let a0 = try evaluator.int(r.assets, before, env)
        let a1 = try evaluator.int(r.assets, after, env)
        var parts = ["\(s1) of \(t1) shares"]
        if s0 != s1 { parts.append("its shares \(s0) → \(s1)") }
        if t0 != t1 { parts.append("total shares \(t0) → \(t1)") }
        if a1 < a0 {
            let (taken, over) = a0.subtractingReportingOverflow(a1)
            parts.append(
                "the pool's assets \(a0) → \(a1) (\(over ? "more than 9.2e18" : String(taken)) taken from the pool)")
        } else {
            parts.append("the pool's assets \(a0) → \(a1)")
        }
        return parts.joined(separator: "; ")
    }

    /// `no-unilateral-control`: the witness coalition, smaller than a role's minimum, satisfies that privileged role in `s`.
    private func controlViolation(_ s: State, witness: Witness) -> (String, SourceLocation)? {
        let members = Set(witness.coalitionEntities)
        let size = (witness.attackerInCoalition ? 1 : 0) + members.subtracting(world.compromised).count
        guard world.privilegedRoles.contains(where: { size < world.model.minCoalition(of: $0) }) else { return nil }
        let isMember: (String) -> Bool = { e in
            world.compromised.contains(e) ? witness.attackerInCoalition : members.contains(e)
        }
        // Report the roles the procedure's steps use first: they are the story a reviewer follows.
        let stepRoles = Set(world.procedure.steps.map(\.role))
        let roles =
            world.privilegedRoles.filter { stepRoles.contains($0.name) }
            + world.privilegedRoles.filter { !stepRoles.contains($0.name) }
        for r in roles where r.allowUnilateral == nil && size < world.model.minCoalition(of: r) {
            if evaluator.satisfies(r.name, in: s, attacker: witness.attackerInCoalition, member: isMember) {
                return (controlSummary(r, s, witness, isMember), r.loc)
            }
        }
        return nil
    }

    private func declaredText(_ st: Step) -> String {
        st.writes.isEmpty ? "nothing" : st.writes.joined(separator: ", ")
    }

    /// ", when its queued operation expires (grace 1h)" if the step's deadline is its timelock's expiry.
    func expiryNote(_ j: Int) -> String {
        let rules = AuthorityRules(world: world)
        guard rules.expiresBeforeWithin(j), let g = rules.grace(of: world.procedure.steps[j].role) else { return "" }
        return
            ", when its queued operation expires: \(HumanDuration.text(g)) of grace after its earliest time, \(HumanDuration.text(rules.earliest(j)))"
    }

    /// Why step `j` cannot run in `s`: the attacker cancels it through a veto role it satisfies,
    /// the honest entities cannot satisfy its role, or else its guard fails.
    func blockedReason(_ j: Int, _ s: State) -> String {
        let role = world.procedure.steps[j].role
        let rules = AuthorityRules(world: world)
        guard !rules.honestSatisfies(role, in: s) else { return "its guard fails for every choice of its parameters" }
        var vetoes: [(timelock: String, veto: String)] = []
        var seen: Set<String> = []
        func collect(_ name: String) {
            guard seen.insert(name).inserted, let r = world.model.role(name) else { return }
            switch r.rule {
            case .timelock(let t):
                if let v = t.vetoBy, rules.cancelsInTime(v, t, cancellerIsAttacker: true),
                    rules.attackerSatisfies(v, in: s)
                {
                    vetoes.append((name, v))
                }
                collect(t.role)
            case .allOf(let roles): roles.forEach(collect)
            default: break
            }
        }
        collect(role)
        if vetoes.isEmpty { return "the honest entities cannot satisfy its role '\(role)'" }
        return "the attacker cancels it through "
            + vetoes.map { "veto role '\($0.veto)' of timelock '\($0.timelock)'" }.joined(separator: " and ")
    }

    /// The pending step if it sits at its deadline and cannot run in `s` (`Evaluator.blockedStep`).
    func blockedStep(_ s: State) throws(EvaluationError) -> Int? { try evaluator.blockedStep(s) }
}
