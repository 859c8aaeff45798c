/// Checks a program for input errors: unknown names, duplicates, ill-typed expressions,
/// impossible thresholds and timings. Every finding names the user's file and line.
public struct Validator {
    public init() {}

    /// All input errors in `program`; empty when it is well-formed.
    public func diagnose(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func err(_ m: String, _ loc: SourceLocation) { out.append(Diagnostic(m, at: loc)) }

        if program.version != irVersion {
            err("unsupported IR version \(program.version) (this recovcheck reads \(irVersion))", .unknown)
            return out
        }
        duplicates(program.models.map { ($0.name, $0.loc) }, "model", &out)
        duplicates(program.incidents.map { ($0.name, $0.loc) }, "incident", &out)
        duplicates(program.procedures.map { ($0.name, $0.loc) }, "procedure", &out)
        for m in program.models {
            checkModel(m, &out)
            checkMagnitudes(m, &out)
        }
        for i in program.incidents {
            guard let m = program.model(named: i.model) else {
                err("incident '\(i.name)' names unknown model '\(i.model)'", i.loc)
                continue
            }
            checkIncident(i, m, &out)
        }
        for p in program.procedures {
            guard let m = program.model(named: p.model) else {
                err("procedure '\(p.name)' names unknown model '\(p.model)'", p.loc)
                continue
            }
            guard let i = program.incident(named: p.incident) else {
                err("procedure '\(p.name)' names unknown incident '\(p.incident)'", p.loc)
                continue
            }
            if i.model != m.name {
                err(
                    "procedure '\(p.name)' is for model '\(m.name)' but incident '\(i.name)' is for model '\(i.model)'",
                    p.loc)
            }
            checkProcedure(p, m, i, &out)
            checkProcedureMagnitudes(p, &out)
            checkVotingTotals(m, i, &out)
        }
        for m in program.models {
            checkCoalitionSettingsUsed(m, program.procedures.filter { $0.model == m.name }, &out)
        }
        return out
    }

    /// `.minCoalition` and `.allowUnilateral` act on the roles actions and steps use directly
    /// (`World.privilegedRoles`); on a role used only inside another (a timelock's, an `allOf`'s)
    /// or not at all they would change no verdict, so they are errors.
    private func checkCoalitionSettingsUsed(_ m: Model, _ procedures: [Procedure], _ out: inout [Diagnostic]) {
        let used = Set(m.actions.flatMap(\.by) + procedures.flatMap { $0.steps.map(\.role) })
        for r in m.roles where !used.contains(r.name) {
            let setting =
                r.minCoalition.map { ".minCoalition(\($0))" } ?? (r.allowUnilateral != nil ? ".allowUnilateral" : nil)
            guard let setting else { continue }
            let inside = m.roles.filter { $0.rule.referencedRoles.contains(r.name) }.map { "'\($0.name)'" }
            let how =
                inside.isEmpty
                ? "no action or procedure step uses it"
                : "no action or procedure step uses it directly (only \(inside.joined(separator: ", ")) does)"
            out.append(
                Diagnostic(
                    "role '\(r.name)': \(setting) has no effect: \(how), and no-unilateral-control checks the roles actions and steps use; put it on the role they use",
                    at: r.loc))
        }
    }

    private func duplicates(_ items: [(String, SourceLocation)], _ what: String, _ out: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for (name, loc) in items {
            if name.isEmpty {
                out.append(Diagnostic("\(what) has an empty name", at: loc))
                continue
            }
            if let first = seen[name] {
                out.append(Diagnostic("duplicate \(what) '\(name)' (first declared at \(first))", at: loc))
            } else {
                seen[name] = loc
            }
        }
    }

    private func bounds(_ min: Int?, _ max: Int?, _ what: String, _ loc: SourceLocation, _ out: inout [Diagnostic]) {
        for v in [min, max].compactMap({ $0 }) where v.magnitude > UInt(maxLiteralMagnitude) {
            out.append(
                Diagnostic(
                    "bound \(v) of \(what) is out of range (at most \(maxLiteralMagnitude) in magnitude)", at: loc))
        }
        if let lo = min, let hi = max, lo > hi {
            out.append(Diagnostic("\(what) has an empty range \(lo)...\(hi)", at: loc))
        }
    }

    private func expect(
        _ e: Expr, _ t: ExprType, _ scope: ExprScope, _ what: String, _ loc: SourceLocation, _ out: inout [Diagnostic]
    ) {
        switch typeOf(e, in: scope) {
        case .failure(let m): out.append(Diagnostic("in \(what): \(m.message)", at: loc))
        case .success(let got) where got != t:
            out.append(Diagnostic("\(what) must be \(t.rawValue), but is \(got.rawValue): \(e)", at: loc))
        default: break
        }
    }

    func checkModel(_ m: Model, _ out: inout [Diagnostic]) {
        func err(_ s: String, _ loc: SourceLocation) { out.append(Diagnostic(s, at: loc)) }
        duplicates(m.state.map { ($0.name, $0.loc) }, "state variable", &out)
        duplicates(m.entities.map { ($0.name, $0.loc) }, "entity", &out)
        duplicates(m.keys.map { ($0.name, $0.loc) }, "key", &out)
        duplicates(m.roles.map { ($0.name, $0.loc) }, "role", &out)
        duplicates(m.actions.map { ($0.name, $0.loc) }, "action", &out)
        let entities = Set(m.entities.map(\.name))
        let keys = Set(m.keys.map(\.name))
        for v in m.state {
            if v.name == "now" || v.name == "caller" {
                err("'\(v.name)' is reserved and cannot name a state variable", v.loc)
            }
            bounds(v.min, v.max, "state variable '\(v.name)'", v.loc, &out)
            if v.type != .bool, v.min == nil || v.max == nil {
                err("state variable '\(v.name)' needs both bounds (min...max)", v.loc)
            }
            if let i = v.initial {
                expect(
                    i, v.type == .bool ? .bool : .int, ExprScope(model: m), "initial value of '\(v.name)'", v.loc, &out)
                if case .int(let x) = i, let lo = v.min, let hi = v.max, x < lo || x > hi {
                    err("initial value \(x) of '\(v.name)' is outside its range \(lo)...\(hi)", v.loc)
                }
            }
        }
        for k in m.keys where !entities.contains(k.holder) {
            err("key '\(k.name)' is held by unknown entity '\(k.holder)'", k.loc)
        }
        for d in m.delegations {
            if !keys.contains(d.key) { err("allowlist names unknown key '\(d.key)'", d.loc) }
            if !entities.contains(d.entity) { err("allowlist names unknown entity '\(d.entity)'", d.loc) }
        }
        if m.minCoalition < 1 { err("minimum coalition must be at least 1, got \(m.minCoalition)", m.loc) }
        let roleNames = Set(m.roles.map(\.name))
        for r in m.roles { checkRole(r, m, entities, keys, roleNames, &out) }
        checkRoleCycles(m, &out)
        for a in m.actions { checkAction(a, m, roleNames, attack: false, &out) }
        if let c = m.claim { expect(c.expr, .int, ExprScope(model: m, hasAccount: true), "claim", c.loc, &out) }
        if let r = m.redeemable {
            if m.variable(r.shares)?.type != .map {
                err("redeemable claim: '\(r.shares)' is not an account map", r.loc)
            }
            expect(r.totalShares, .int, ExprScope(model: m), "redeemable claim's totalShares", r.loc, &out)
            expect(r.assets, .int, ExprScope(model: m), "redeemable claim's assets", r.loc, &out)
            if m.claim?.expr != r.expr { err("redeemable claim does not match the model's claim expression", r.loc) }
        }
        for a in m.assumptions { expect(a.expr, .bool, ExprScope(model: m), "assumption '\(a.name)'", a.loc, &out) }
        for a in m.invariants { expect(a.expr, .bool, ExprScope(model: m), "invariant '\(a.name)'", a.loc, &out) }
    }

    /// Voting power or holdings: known entities, each once, fixed amounts in range, variables that are integer state.
    private func checkHoldings(
        _ hs: [VoteHolding], _ what: String, _ m: Model, _ entities: Set<String>, _ err: (String) -> Void
    ) {
        for h in hs {
            if !entities.contains(h.entity) { err("unknown entity '\(h.entity)' holds \(what)") }
            switch h.amount {
            case .fixed(let x):
                if x < 0 || x > maxLiteralMagnitude {
                    err("\(what) \(x) of '\(h.entity)' is out of range (0...\(maxLiteralMagnitude))")
                }
            case .variable(let v):
                guard let d = m.variable(v) else {
                    err("unknown state variable '\(v)' for the \(what) of '\(h.entity)'")
                    continue
                }
                if d.type != .int {
                    err("\(what) of '\(h.entity)' reads '\(v)', which is not an integer state variable")
                } else if let lo = d.min, lo < 0 {
                    err("\(what) of '\(h.entity)' reads '\(v)', whose range starts below 0")
                }
            }
        }
        if Set(hs.map(\.entity)).count != hs.count { err("an entity holds \(what) twice") }
    }

    private func checkRole(
        _ r: Role, _ m: Model, _ entities: Set<String>, _ keys: Set<String>, _ roles: Set<String>,
        _ out: inout [Diagnostic]
    ) {
        func err(_ s: String) { out.append(Diagnostic("role '\(r.name)': \(s)", at: r.loc)) }
        checkCoalitionSettings(r, m, err)
        switch r.rule {
        case .anyone: break
        case .key(let k):
            if !keys.contains(k) { err("unknown key '\(k)'") }
        case .multisig(let ks, let t):
            if ks.isEmpty { err("a multisig needs keys") }
            for k in ks where !keys.contains(k) { err("unknown key '\(k)'") }
            if Set(ks).count != ks.count { err("a key appears twice among the signers") }
            if t < 1 { err("threshold \(t) is below 1") }
            if t > ks.count { err("threshold \(t) is above the number of keys (\(ks.count))") }
        case .timelock(let tl): checkTimelock(tl, roles, err)
        case .governor(let g): checkGovernor(g, m, entities, err)
        case .shutdownModule(let sm): checkShutdownModule(sm, m, entities, err)
        case .governance(let gov): checkGovernance(gov, entities, err)
        case .allOf(let rs):
            if rs.isEmpty { err("allOf needs roles") }
            for x in rs where !roles.contains(x) { err("unknown role '\(x)'") }
        }
    }

    /// `allowUnilateral` and `minCoalition`: a reason, and a coalition size that means something.
    private func checkCoalitionSettings(_ r: Role, _ m: Model, _ err: (String) -> Void) {
        if let reason = r.allowUnilateral, reason.allSatisfy(\.isWhitespace) {
            err("allowUnilateral needs a reason (it is listed with the role in every report)")
        }
        if let n = r.minCoalition {
            if r.allowUnilateral != nil {
                err("minCoalition(\(n)) and allowUnilateral contradict each other: keep one")
            } else if n == 1 {
                err("minCoalition(1) accepts one entity: say why with .allowUnilateral(\"reason\") instead")
            } else if n < 1 {
                err("minimum coalition must be at least 1, got \(n)")
            } else if n > m.entities.count {
                err(
                    "minimum coalition \(n) is larger than the \(m.entities.count) entities declared, so every coalition that satisfies it is too small"
                )
            }
        }
        if !r.isPrivileged, r.minCoalition != nil {
            err("minCoalition has no effect on a role open to anyone (it is not privileged)")
        }
    }

    private func checkTimelock(_ tl: Role.Timelock, _ roles: Set<String>, _ err: (String) -> Void) {
        if !roles.contains(tl.role) { err("unknown role '\(tl.role)'") }
        if let v = tl.vetoBy, !roles.contains(v) { err("unknown veto role '\(v)'") }
        let lo = tl.minDelay
        if lo < 0 { err("negative delay \(lo)") }
        if lo > maxLiteralMagnitude { err("delay \(lo) is out of range (at most \(maxLiteralMagnitude))") }
        // A timelock's delay is its minDelay and no action can change it, so a bound on the
        // delay setting would change nothing: rejected rather than silently ignored.
        if tl.maxDelay != nil {
            err(
                "maxDelay is not supported: the delay is minDelay and no action changes it, so a maximum would have no effect; remove maxDelay"
            )
        }
        if let g = tl.grace, g < 0 { err("negative grace period \(g)") }
        if let g = tl.grace, g > maxLiteralMagnitude {
            err("grace period \(g) is out of range (at most \(maxLiteralMagnitude))")
        }
    }

    private func checkGovernor(_ g: Role.Governor, _ m: Model, _ entities: Set<String>, _ err: (String) -> Void) {
        if g.votes.isEmpty { err("a governor needs voting power holders") }
        checkHoldings(g.votes, "voting power", m, entities, err)
        for e in g.abstaining + g.opposing where !entities.contains(e) {
            err("unknown entity '\(e)' among the abstaining or opposing holders")
        }
        for e in Set(g.abstaining).intersection(g.opposing).sorted() {
            err("'\(e)' is declared both abstaining and opposing")
        }
        for e in g.abstaining + g.opposing where !g.votes.contains(where: { $0.entity == e }) {
            err("'\(e)' votes but holds no voting power in this governor")
        }
        if g.quorum < 1 { err("quorum \(g.quorum) is below 1: every proposal would pass on one vote") }
        for (what, v) in [
            ("quorum", g.quorum), ("proposal threshold", g.proposalThreshold), ("voting delay", g.votingDelay),
            ("voting period", g.votingPeriod),
        ] {
            if v < 0 { err("negative \(what) \(v)") }
            if v > maxLiteralMagnitude { err("\(what) \(v) is out of range (at most \(maxLiteralMagnitude))") }
        }
        if g.measuredAt == .snapshot, let v = g.votes.compactMap(\.variable).first {
            err(
                "voting power read from state ('\(v)') needs measuredAt: .execution: measuring it at a snapshot is not supported yet (the power at the snapshot would be the value at some earlier state)"
            )
        }
    }

    private func checkShutdownModule(
        _ sm: Role.ShutdownModule, _ m: Model, _ entities: Set<String>, _ err: (String) -> Void
    ) {
        if sm.holdings.isEmpty { err("a shutdown module needs holders who can deposit") }
        checkHoldings(sm.holdings, "holding", m, entities, err)
        if let v = m.variable(sm.deposited) {
            if v.type != .int { err("deposits '\(sm.deposited)' must be an integer state variable") }
        } else {
            err("unknown state variable '\(sm.deposited)' for the deposits")
        }
        if sm.threshold < 1 { err("threshold \(sm.threshold) is below 1: the module would fire with no deposit") }
        if sm.threshold > maxLiteralMagnitude {
            err("threshold \(sm.threshold) is out of range (at most \(maxLiteralMagnitude))")
        }
    }

    private func checkGovernance(_ gov: Role.Governance, _ entities: Set<String>, _ err: (String) -> Void) {
        let ps = gov.powers
        if ps.isEmpty { err("governance needs voting power holders") }
        for p in ps {
            if !entities.contains(p.entity) { err("unknown entity '\(p.entity)' holds voting power") }
            if p.power < 0 || p.power > maxLiteralMagnitude {
                err("voting power \(p.power) of '\(p.entity)' is out of range")
            }
        }
        if Set(ps.map(\.entity)).count != ps.count { err("an entity holds voting power twice") }
        for (what, f) in [("supermajority", gov.supermajority), ("quorum", gov.quorum)] {
            guard let f else { continue }
            if f.den <= 0 || f.num <= 0 || f.num > f.den { err("\(what) \(f) must be a fraction in (0, 1]") }
        }
    }

    private func checkRoleCycles(_ m: Model, _ out: inout [Diagnostic]) {
        func refs(_ r: Role) -> [String] { r.rule.referencedRoles }
        for r in m.roles {
            var stack = refs(r)
            var seen: Set<String> = []
            while let n = stack.popLast() {
                if n == r.name {
                    out.append(Diagnostic("role '\(r.name)' refers to itself", at: r.loc))
                    break
                }
                if seen.insert(n).inserted, let x = m.role(n) { stack += refs(x) }
            }
        }
    }

    func checkAction(_ a: Action, _ m: Model, _ roles: Set<String>, attack: Bool, _ out: inout [Diagnostic]) {
        func err(_ s: String, _ loc: SourceLocation? = nil) {
            out.append(Diagnostic("action '\(a.name)': \(s)", at: loc ?? a.loc))
        }
        for r in a.by where !roles.contains(r) { err("unknown role '\(r)'") }
        if !attack, a.by.isEmpty, !a.user { err("nobody may call it: give it a role or make it a user action") }
        duplicates(a.params.map { ($0.name, $0.loc) }, "parameter", &out)
        for p in a.params {
            bounds(p.min, p.max, "parameter '\(p.name)'", p.loc, &out)
            if p.type == .int, p.min == nil || p.max == nil { err("parameter '\(p.name)' needs both bounds", p.loc) }
            if p.name == "caller", a.user { err("'caller' is the calling account and cannot name a parameter", p.loc) }
            if p.type == .entity {
                if m.entities.isEmpty { err("entity parameter '\(p.name)' has no entity to choose from", p.loc) }
                if p.min != nil || p.max != nil {
                    err("entity parameter '\(p.name)' takes no bounds: it ranges over the model's entities", p.loc)
                }
                let used = a.effects.contains { e in
                    switch e.change {
                    case .rotateKeyTo(_, let q), .grantTo(_, let q), .revokeFrom(_, let q): return q == p.name
                    default: return false
                    }
                }
                if !used {
                    err(
                        "entity parameter '\(p.name)' is never the target of RotateKey(_, to:), Grant(_, to:) or Revoke(_, from:), so it would have no effect",
                        p.loc)
                }
            }
        }
        let scope = ExprScope.action(a, in: m)
        expect(a.guardExpr, .bool, scope, "guard of '\(a.name)'", a.loc, &out)
        if let l = a.live { expect(l, .bool, scope, "live condition of '\(a.name)'", a.loc, &out) }
        if let r = a.allowedReduction {
            expect(
                r, .bool, ExprScope.action(a, in: m, hasAccount: true), "allowed reduction of '\(a.name)'", a.loc, &out)
        }
        var written: [String: SourceLocation] = [:]
        for e in a.effects {
            switch e.change {
            case .assign(let t, _, let value), .assignAll(let t, let value):
                guard let v = m.variable(t) else {
                    err("assignment to unknown state variable '\(t)'", e.loc)
                    continue
                }
                if e.kind == .assignAll {
                    if v.type != .map { err("'\(t)' is not a per-account map", e.loc) }
                    expect(value, .int, ExprScope.action(a, in: m, hasAccount: true), "value for '\(t)'", e.loc, &out)
                } else if v.type == .map {
                    guard case .assign(_, let i?, _) = e.change else {
                        err("assignment to map '\(t)' needs an index", e.loc)
                        continue
                    }
                    expect(i, .account, scope, "index of '\(t)'", e.loc, &out)
                    expect(value, .int, scope, "value for '\(t)'", e.loc, &out)
                } else {
                    expect(value, v.type == .bool ? .bool : .int, scope, "value for '\(t)'", e.loc, &out)
                }
                // Two writes to one scalar would race under simultaneous assignment.
                if v.type != .map, let first = written[t] { err("'\(t)' is assigned twice (first at \(first))", e.loc) }
                written[t] = e.loc
            case .rotateKey(let k, let en), .grant(let k, let en), .revoke(let k, let en):
                guard m.keys.contains(where: { $0.name == k }) else {
                    err("unknown key '\(k)'", e.loc)
                    continue
                }
                guard m.entities.contains(where: { $0.name == en }) else {
                    err("unknown entity '\(en)'", e.loc)
                    continue
                }
            case .rotateKeyTo(let k, let p), .grantTo(let k, let p), .revokeFrom(let k, let p):
                guard m.keys.contains(where: { $0.name == k }) else {
                    err("unknown key '\(k)'", e.loc)
                    continue
                }
                guard a.params.contains(where: { $0.name == p && $0.type == .entity }) else {
                    err(
                        "'\(p)' is not an entity parameter of this action (declare it with ctx.entity(\"\(p)\"))", e.loc
                    )
                    continue
                }
            case .setThreshold(let r, let v):
                guard let role = m.role(r) else {
                    err("unknown role '\(r)'", e.loc)
                    continue
                }
                if role.kind != .multisig {
                    err("only a multisig has a threshold to set ('\(r)' is \(role.kind.rawValue))", e.loc)
                }
                expect(v, .int, scope, "new threshold of '\(r)'", e.loc, &out)
            }
        }
    }

    func checkIncident(_ i: Incident, _ m: Model, _ out: inout [Diagnostic]) {
        let entities = Set(m.entities.map(\.name))
        for c in i.compromised where !entities.contains(c) {
            out.append(Diagnostic("incident '\(i.name)': unknown compromised entity '\(c)'", at: i.loc))
        }
        var insiders: Set<String> = []
        for x in i.insiders {
            if !insiders.insert(x.entity).inserted {
                out.append(Diagnostic("incident '\(i.name)': a second Insider('\(x.entity)')", at: x.loc))
            } else if !entities.contains(x.entity) {
                out.append(
                    Diagnostic(
                        "incident '\(i.name)': Insider '\(x.entity)' is not an entity of model '\(m.name)'", at: x.loc))
            } else if i.compromised.contains(x.entity) {
                // Compromised already gives the attacker this entity's keys, with others'; an
                // insider acts alone and stays honest: one entity cannot be both.
                out.append(
                    Diagnostic(
                        "incident '\(i.name)': '\(x.entity)' is both Compromised and Insider (a compromised entity is already the attacker; drop one)",
                        at: x.loc))
            }
        }
        // Model actions are checked once, with the model; here the attacks among themselves and
        // against the model's actions (one name space: traces name both the same way).
        duplicates(i.attacks.map { ($0.name, $0.loc) }, "attack", &out)
        for a in i.attacks {
            if let action = m.action(a.name) {
                out.append(
                    Diagnostic(
                        "attack '\(a.name)' has the name of model action '\(a.name)' (declared at \(action.loc)): rename one",
                        at: a.loc))
            }
        }
        let roles = Set(m.roles.map(\.name))
        for a in i.attacks { checkAction(a, m, roles, attack: true, &out) }
        var oracleTargets: Set<String> = []
        for o in i.oracles {
            // A second oracle on one variable was taken by the lowering and ignored by replay.
            if !oracleTargets.insert(o.target).inserted {
                out.append(
                    Diagnostic(
                        "a second Oracle moves '\(o.target)' (one per variable: give one range that covers both)",
                        at: o.loc))
            }
            guard let v = m.variable(o.target), v.type == .int else {
                out.append(Diagnostic("oracle moves unknown integer variable '\(o.target)'", at: o.loc))
                continue
            }
            bounds(o.min, o.max, "oracle range of '\(o.target)'", o.loc, &out)
        }
        for b in i.borrowable {
            guard let r = m.role(b.role), r.kind == .governance || r.kind == .governor else {
                out.append(
                    Diagnostic(
                        "borrowable voting power names '\(b.role)', which is not a governance or governor role",
                        at: b.loc))
                continue
            }
            if b.amount < 0 || b.amount > maxLiteralMagnitude {
                out.append(Diagnostic("borrowable voting power \(b.amount) is out of range", at: b.loc))
            }
        }
        for a in i.assumptions { expect(a.expr, .bool, ExprScope(model: m), "assumption '\(a.name)'", a.loc, &out) }
    }

    func checkProcedure(_ p: Procedure, _ m: Model, _ i: Incident, _ out: inout [Diagnostic]) {
        func err(_ s: String, _ loc: SourceLocation) { out.append(Diagnostic(s, at: loc)) }
        let scope = ExprScope(model: m)
        expect(p.trigger.expr, .bool, scope, "trigger", p.trigger.loc, &out)
        if p.steps.isEmpty { err("procedure '\(p.name)' has no steps", p.loc) }
        duplicates(p.steps.map { ($0.name, $0.loc) }, "step", &out)
        for s in p.steps {
            guard let a = m.action(s.action) else {
                err("step '\(s.name)' runs unknown action '\(s.action)'", s.loc)
                continue
            }
            if m.role(s.role) == nil {
                err("step '\(s.name)' names unknown role '\(s.role)'", s.loc)
            } else if !a.by.contains(s.role) {
                err(
                    "step '\(s.name)': role '\(s.role)' may not call '\(a.name)' (allowed: \(a.by.isEmpty ? "users only" : a.by.joined(separator: ", ")))",
                    s.loc)
            }
            let ascope = ExprScope.action(a, in: m)
            for arg in s.args {
                guard let prm = a.params.first(where: { $0.name == arg.name }) else {
                    err("step '\(s.name)': action '\(a.name)' has no parameter '\(arg.name)'", s.loc)
                    continue
                }
                if prm.type == .entity {
                    err(
                        "step '\(s.name)': entity parameter '\(arg.name)' cannot be fixed by an argument; to name the entity, use RotateKey(key, to: entity) or Grant(key, to: entity) in an action",
                        s.loc)
                    continue
                }
                let want: ExprType = prm.type == .int ? .int : prm.type == .bool ? .bool : .account
                expect(arg.value, want, scope, "argument '\(arg.name)' of step '\(s.name)'", s.loc, &out)
                // A constant outside the parameter's range could never be passed: the step would be
                // reported as blocked at its deadline, which reads as a finding, not as a typo.
                if prm.type == .int, case .int(let v) = arg.value,
                    (prm.min.map { v < $0 } ?? false) || (prm.max.map { v > $0 } ?? false)
                {
                    err(
                        "step '\(s.name)': argument '\(arg.name)' = \(v) is outside the range \(prm.min.map(String.init) ?? "")...\(prm.max.map(String.init) ?? "") of parameter '\(arg.name)' of action '\(a.name)', so the step could never run",
                        s.loc)
                }
                _ = ascope
            }
            if s.after < 0 { err("step '\(s.name)': negative delay after: \(s.after)", s.loc) }
            if let w = s.within {
                if w < 0 {
                    err("step '\(s.name)': negative deadline within: \(w)", s.loc)
                } else if w < s.after {
                    err("step '\(s.name)': deadline within: \(w) is before its earliest time after: \(s.after)", s.loc)
                } else if m.role(s.role) != nil, case let d = AuthorityRules.delay(of: s.role, in: m), w < d {
                    // Stretching the deadline to the delay would silently ignore the promise `within:` makes.
                    err(
                        "step '\(s.name)': deadline within: \(w) s is shorter than the delay of its role '\(s.role)' (\(d) s: timelock delays, voting delay and period), so the step could never run in time; give within: at least \(d), or leave within: out to run as soon as the role allows",
                        s.loc)
                }
            }
            if m.role(s.role) != nil, AuthorityRules.delay(of: s.role, in: m) > maxLiteralMagnitude {
                err(
                    "step '\(s.name)': the delays of its role '\(s.role)' add up to more than \(maxLiteralMagnitude) s",
                    s.loc)
            }
            for v in s.writes
            where m.variable(v) == nil && !m.keys.contains(where: { $0.name == v }) && m.role(v) == nil {
                err("step '\(s.name)' declares a write to '\(v)', which is no state variable, key or role", s.loc)
            }
            for b in s.bounds {
                switch b.limit {
                case .range(let t, _, _), .maxChange(let t, _):
                    guard let v = m.variable(t), v.type == .int else {
                        err("bound names unknown integer variable '\(t)'", b.loc)
                        continue
                    }
                    if case .range(_, let lo, let hi) = b.limit {
                        bounds(lo, hi, "bound on '\(t)'", b.loc, &out)
                        if lo == nil && hi == nil { err("range bound on '\(t)' has no limits", b.loc) }
                    }
                    if case .maxChange(_, let amount) = b.limit, amount < 0 {
                        err("max change of '\(t)' must be a non-negative amount", b.loc)
                    }
                case .maxDuration(let e, let duration):
                    expect(e, .bool, scope, "max duration condition", b.loc, &out)
                    if duration < 0 { err("max duration must be a non-negative number of seconds", b.loc) }
                }
            }
        }
        if let c = p.containment { expect(c.expr, .bool, scope, "containment", c.loc, &out) }
        if let b = p.containmentBudget, b < 0 { err("negative containment budget \(b)", p.containment?.loc ?? p.loc) }
        if p.containmentBudget != nil, p.containment == nil {
            err("a containment budget needs a containment condition", p.loc)
        }
        if let br = p.blastRadius {
            expect(br.loss, .int, scope, "blast radius loss", br.loc, &out)
            if br.max < 0 { err("negative blast radius budget \(br.max)", br.loc) }
            if let per = br.per, per <= 0 {
                err("a blast radius window must be a positive number of seconds (per: \(per))", br.loc)
            }
            if br.per == nil, let w = br.window {
                err("a blast radius window: .\(w.rawValue) needs its length (per:)", br.loc)
            }
        }
        if let w = p.window, w < 0 { err("negative procedure window \(w)", p.loc) }
        for a in p.invariants { expect(a.expr, .bool, scope, "invariant '\(a.name)'", a.loc, &out) }
    }
}
