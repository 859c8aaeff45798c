import RecovCheck
import RecovIR

/// `recovcheck explain`: one result, and for a violation the full trace — every state variable at
/// every step — with, for each transition, the guard that held (and the values it read), the
/// role and the entities and keys that satisfied it, the timing and the bounds that applied.
public struct ExplainRenderer {
    public init() {}

    public func render(_ r: CheckResult, world: World) -> String {
        var out = "\(r.procedure)  \(r.rule.rawValue)  \(r.verdict.rawValue)\n"
        out += "  \(r.message)\n"
        out += "  property: \(r.rule.shortDescription)\n"
        guard let cex = r.counterexample else {
            if !r.verdict.passes && r.verdict != .notApplicable { out += "  at \(relative(r.location))\n" }
            return out
        }
        let p = world.procedure
        let ev = Evaluator(world: world)
        out += "  violated declaration: \(relative(cex.location))\n"
        out +=
            "  scenario: model \(world.model.name) (\(relative(world.model.loc))), incident \(world.incident.name) (\(relative(world.incident.loc)))\n"
        out +=
            "  compromised entities (the attacker): \(world.compromised.isEmpty ? "none" : world.compromised.sorted().joined(separator: ", "))\n"
        if !world.insiders.isEmpty {
            out += "  insiders (acting alone, not the attacker): \(world.insiders.joined(separator: ", "))\n"
        }
        if let a = cex.account { out += "  representative account: #\(a)\n" }
        if let c = cex.coalition, !c.isEmpty { out += "  coalition: \(c.joined(separator: ", "))\n" }
        var limits: [String] = []
        if let w = p.window { limits.append("all steps within \(HumanDuration.text(w)) of the trigger (Window)") }
        if let c = p.containment {
            limits.append(
                "containment \(c.expr)\(p.containmentBudget.map { " within \(HumanDuration.text($0))" } ?? "")")
        }
        if let b = p.blastRadius {
            let period =
                b.per.map { " within any \((b.windowKind ?? .rolling).rawValue) window of \(HumanDuration.text($0))" }
                ?? ""
            limits.append("blast radius: \(b.loss) may grow by at most \(b.max)\(period)")
        }
        limits.append("minimum coalition \(world.model.minCoalition)")
        out += "  procedure bounds: \(limits.joined(separator: "; "))\n"
        out += "  trace: \(cex.steps.count - 1) transition(s), depth \(r.depth)\n"

        let t0 = cex.steps.first?.state.now ?? 0
        var before: State?
        for row in TraceView(cex, world: world, fullInitialState: true).rows {
            let s = row.step.state
            out += "\n"
            out += "step \(row.index): \(row.label)\n"
            out +=
                "  time: \(row.time) (now = \(s.now))    actor: \(row.actor)\(row.step.location.map { "    at \(relative($0))" } ?? "")\n"
            if let t = row.step.transition, let b = before {
                for line in why(t, before: b, world: world, ev: ev, t0: t0) { out += "  " + line + "\n" }
                out +=
                    "  changed: \(row.changes.isEmpty ? "nothing" : row.changes.map(\.text).joined(separator: ", "))\n"
            } else {
                out +=
                    "  trigger: \(p.trigger.expr) = true\(values(p.trigger.expr, s, ev, .init()))    at \(relative(p.trigger.loc))\n"
                for a in world.model.assumptions + world.incident.assumptions {
                    out += "  assumption '\(a.name)': \(a.expr) = \(boolText(a.expr, s, ev, .init()))\n"
                }
            }
            out += "  state:\n"
            for line in fullState(s, world: world) { out += "    " + line + "\n" }
            before = s
        }
        out += "\nviolation: \(cex.summary)\n"
        return out
    }

    /// The guard, authority, timing and bounds behind one transition, in the state before it.
    private func why(_ t: Transition, before s: State, world: World, ev: Evaluator, t0: Int) -> [String] {
        var lines: [String] = []
        let p = world.procedure
        switch t {
        case .tick(let d):
            if s.pc < p.steps.count {
                let deadline = s.lastStepTime + ev.deadline(s.pc)
                lines.append(
                    "timing: \(HumanDuration.text(d)) pass; pending step '\(p.steps[s.pc].name)' has its deadline at t+\(HumanDuration.text(deadline - t0)), which time may not pass (now t+\(HumanDuration.text(s.now + d - t0)))"
                )
            } else {
                lines.append("timing: \(HumanDuration.text(d)) pass; every step has run, so time is unbounded")
            }
            return lines
        case .oracle(let target, _):
            if let o = world.incident.oracles.first(where: { $0.target == target }) {
                lines.append(
                    "bounds: the incident lets the oracle set \(o.target) anywhere in \(o.min)...\(o.max)    at \(relative(o.loc))"
                )
            }
            return lines
        default: break
        }
        guard let a = ev.action(of: t) else { return ["action '\(t.name)' is not declared"] }
        var env = (try? ev.bindings(of: t, in: s)) ?? Evaluator.Env(params: t.args)
        env.account = nil
        switch t {
        case .step(_, let j, _, _):
            if j >= 0, j < p.steps.count {
                let st = p.steps[j]
                lines.append("role: \(role(st.role, s, world: world, attacker: false))")
                let earliest = s.lastStepTime + ev.earliest(j)
                let latest = s.lastStepTime + ev.deadline(j)
                lines.append(
                    "timing: may run from t+\(HumanDuration.text(earliest - t0)) to t+\(HumanDuration.text(latest - t0)) (after: \(HumanDuration.text(st.after)), within: \(HumanDuration.text(st.deadline)) of the previous step); ran at t+\(HumanDuration.text(s.now - t0))"
                )
                if !st.args.isEmpty {
                    lines.append(
                        "fixed arguments: " + st.args.map { "\($0.name) = \($0.value)" }.joined(separator: ", "))
                }
                lines.append(
                    "declared writes: \(st.writes.isEmpty ? "nothing" : st.writes.joined(separator: ", ")); the action writes \(a.writeSet.sorted().joined(separator: ", "))"
                )
                for b in st.bounds { lines.append("bound: \(bound(b, st, world: world))    at \(relative(b.loc))") }
            }
        case .action(_, let caller, _):
            if a.user {
                lines.append("caller: user #\(caller.map(String.init) ?? "?") (any account may call \(a.name))")
            } else {
                lines.append("role: anyone (\(world.openRoles(of: a).joined(separator: ", "))): not privileged")
            }
        case .attack:
            if let l = a.live { lines.append("live while: \(l) = \(boolText(l, s, ev, env))\(values(l, s, ev, env))") }
            lines.append("actor: the attacker (incident \(world.incident.name))")
        case .privileged(_, let r, _):
            lines.append("role: \(role(r, s, world: world, attacker: true))")
        case .insider(_, let r, let e, _):
            lines.append(
                "actor: insider \(e), alone, outside the procedure (Insider in incident \(world.incident.name))")
            lines.append("role: \(role(r, s, world: world, attacker: false, insider: e))")
        case .tick, .oracle, .coalition: break
        }
        lines.append(
            "guard: \(a.guardExpr) = \(boolText(a.guardExpr, s, ev, env))\(values(a.guardExpr, s, ev, env))    at \(relative(a.loc))"
        )
        let params = a.params.map { prm -> String in
            let v = env.params[prm.name].map(\.description) ?? "?"
            let range =
                prm.type == .bool
                ? "" : " (declared \(prm.min.map(String.init) ?? "…")...\(prm.max.map(String.init) ?? "…"))"
            return "\(prm.name) = \(v)\(range)"
        }
        if !params.isEmpty { lines.append("parameters: " + params.joined(separator: ", ")) }
        return lines
    }

    /// How a role is met in `s`: by the honest entities (procedure steps), the attacker, or an insider alone.
    private func role(_ name: String, _ s: State, world: World, attacker: Bool, insider: String? = nil) -> String {
        guard let r = world.model.role(name) else { return "'\(name)' (undeclared)" }
        let member: (String) -> Bool = { e in
            if let insider { return e == insider }
            return attacker ? world.compromised.contains(e) : !world.compromised.contains(e)
        }
        let who = insider.map { "insider \($0)" } ?? (attacker ? "the attacker" : "the honest entities")
        func controller(_ k: String) -> String? {
            AuthorityRules(world: world).controller(of: k, in: s, member: member).map {
                $0.viaAllowlist ? "\($0.entity) via allowlist" : $0.entity
            }
        }
        switch r.rule {
        case .anyone: return "'\(r.name)': anyone"
        case .key, .multisig:
            let keys = r.rule.signingKeys
            let th = r.kind == .key ? keys.count : AuthorityRules(world: world).threshold(r, in: s)
            let signed = keys.compactMap { k in controller(k).map { "\(k) (\($0))" } }
            let kind =
                r.kind == .key
                ? "key \(keys.joined(separator: ", "))"
                : "multisig \(th) of \(keys.count) [\(keys.joined(separator: ", "))]"
            return
                "'\(r.name)' = \(kind); \(who) \(insider != nil || attacker ? "controls" : "control") \(signed.count): \(signed.isEmpty ? "none" : signed.joined(separator: ", ")) — \(signed.count) ≥ \(th)    at \(relative(r.loc))"
        case .timelock(let tl):
            let rules = AuthorityRules(world: world)
            var t = "'\(r.name)' = timelock of '\(tl.role)' with a delay of \(HumanDuration.text(tl.minDelay))"
            let total = rules.delay(of: r.name)
            if total != tl.minDelay { t += " (\(HumanDuration.text(total)) with the delays of '\(tl.role)')" }
            if let g = tl.grace { t += ", expiring \(HumanDuration.text(g)) after it becomes executable" }
            if let v = tl.vetoBy { t += ", veto by '\(v)'" }
            t += "; inner: " + role(tl.role, s, world: world, attacker: attacker, insider: insider)
            return t
        case .governance(let g):
            let ps = g.powers
            let borrowed = AuthorityRules(world: world).borrowed(r, attacker: attacker, borrow: true)
            let mine = ps.filter { member($0.entity) }
            let sum = mine.map(\.power).reduce(0, +) + borrowed
            let total = ps.map(\.power).reduce(0, +) + borrowed
            let parts = mine.map { "\($0.entity) \($0.power)" } + (borrowed > 0 ? ["borrowed \(borrowed)"] : [])
            return
                "'\(r.name)' = governance (supermajority \(g.supermajority), quorum \(g.quorum.map(\.description) ?? "none"), measured at \(g.measuredAt.rawValue)); \(who) hold \(sum) of \(total): \(parts.joined(separator: ", "))    at \(relative(r.loc))"
        case .governor(let g):
            let counts = g.quorumCounts == .forAndAbstain ? "For + Abstain" : "For"
            return
                "'\(r.name)' = governor (quorum \(g.quorum) \(counts) votes, proposal threshold \(g.proposalThreshold), voting delay \(HumanDuration.text(g.votingDelay)) + period \(HumanDuration.text(g.votingPeriod)), measured at \(g.measuredAt.rawValue)); \(who) vote: \(VotingText.tally(r, g, in: s, world: world, attacker: attacker, member: member))    at \(relative(r.loc))"
        case .shutdownModule(let m):
            return
                "'\(r.name)' = shutdown module; \(who): \(VotingText.deposits(m, in: s, member: member))    at \(relative(r.loc))"
        case .allOf(let roles):
            return "'\(r.name)' = all of: "
                + roles.map { role($0, s, world: world, attacker: attacker, insider: insider) }.joined(separator: "; ")
        }
    }

    private func bound(_ b: Bound, _ st: Step, world: World) -> String {
        switch b.limit {
        case .range(let t, let lo, let hi):
            return "InRange(\(t), \(lo.map(String.init) ?? "…")...\(hi.map(String.init) ?? "…")) after the step"
        case .maxChange(let t, let amount): return "MaxChange(\(t), \(amount)) in the step"
        case .maxDuration(let e, let d):
            return
                "MaxDuration(\(e.description), \(HumanDuration.text(d))): false again \(HumanDuration.text(d)) after step '\(st.name)'"
        }
    }

    private func boolText(_ e: Expr, _ s: State, _ ev: Evaluator, _ env: Evaluator.Env) -> String {
        do { return String(try ev.bool(e, s, env)) } catch { return "? (\(error.message))" }
    }

    /// "   [where paused = false, amount = 3]": the values the expression reads.
    private func values(_ e: Expr, _ s: State, _ ev: Evaluator, _ env: Evaluator.Env) -> String {
        var seen: [String] = []
        var out: [String] = []
        e.forEach { node in
            switch node {
            case .variable, .param, .now, .select:
                let text = node.description
                guard !seen.contains(text) else { return }
                seen.append(text)
                if let v = try? ev.eval(node, s, env) { out.append("\(text) = \(v)") }
            default: break
            }
        }
        return out.isEmpty ? "" : "   [where \(out.joined(separator: ", "))]"
    }

    /// Every state variable, then the procedure's progress and the authority tables.
    private func fullState(_ s: State, world: World) -> [String] {
        var lines = StateDiff(world: world).initial(s, full: true).map(\.text)
        let p = world.procedure
        lines.append(
            "procedure: \(s.pc) of \(p.steps.count) step(s) done\(s.pc < p.steps.count ? ", next '\(p.steps[s.pc].name)'" : ""); contained: \(s.contained)"
        )
        if !s.holders.isEmpty {
            lines.append(
                "keys: "
                    + world.model.keys.map { "\($0.name) held by \(s.holders[$0.name] ?? "?")" }.joined(separator: ", ")
            )
        }
        if !s.grants.isEmpty {
            lines.append(
                "allowlist: " + s.grants.sorted().map { "\($0.entity) may sign with \($0.key)" }.joined(separator: ", ")
            )
        }
        if !s.thresholds.isEmpty {
            lines.append(
                "thresholds: "
                    + s.thresholds.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))
        }
        return lines
    }
}
