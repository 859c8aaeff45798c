import RecovIR

/// A small, fast, seedable random number generator (SplitMix64), so every case is reproducible
/// from its seed alone.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates random, small, well-formed programs for differential testing.
///
/// It produces `initial:` on ints, flags and maps, up to two maps, several account parameters
/// (actions and attacks), `now` compared with constants, constants at the literal limit (10^15:
/// scaled comparisons, losses, governance powers and fractions; a loss at ±9e18 whose growth
/// exceeds 64 bits), nested roles (timelocks over timelocks, `allOf` with timelocks, roles built
/// on `anyone`, grace periods), one to three procedures and, since ranges are small and
/// assignments have no `Require` to keep them in, many assignments that leave their declared
/// range (an `invariant` violation).
///
/// Restrictions that keep the explicit-state explorer exact (each is relied on in `Explorer`):
/// - `now` appears only as `now {<,<=,>,>=} c` with a small constant `c`: the trigger time then
///   ranges over `0...max c + 1` and tick durations beyond `max(timing constants, max c + 1)`
///   are indistinguishable from that one;
/// - timing constants (after/within, delays, grace, budgets, window, durations) stay small: the
///   explorer enumerates tick durations one by one (timing constants at the limit are covered
///   by hand-worked specs, Tests/Fixtures/state/overflow-time);
/// - values stay inside 64 bits in every reachable state at the explored depths (the explorer
///   reports an overflow instead of comparing);
/// - account values (`caller`, account parameters, `account`)
///   are only used as map indices: no literal account ids, no arithmetic or comparison on them,
///   so account ids are interchangeable (symmetry) and fresh accounts can be introduced lazily;
/// - rate limits and budgets per period have periods of 2–3 s (the explorer covers every residue
///   of time modulo them), and a window variable is read only by the lowering of `Spend`;
/// - the actions run by procedure steps have no account parameters (a step's blocked-ness is
///   confirmed by enumerating its free parameters).
struct ProgramGenerator {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private var line = 0
    private mutating func loc() -> SourceLocation {
        line += 1
        return SourceLocation(file: "gen.swift", line: line, column: 1)
    }
    private mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    private mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    private mutating func subset<T>(_ xs: [T], _ p: Double) -> [T] { xs.filter { _ in chance(p) } }

    // The model being built, for expression generation.
    private var ints: [String] = []
    private var bools: [String] = []
    private var maps: [String] = []
    private var map: String? { maps.first }
    /// The constant at the documented limit, for overflow-prone arithmetic.
    static let big = 1_000_000_000_000_000

    /// Where expressions may read parameters from.
    private struct Scope {
        var intParams: [String] = []
        var boolParams: [String] = []
        var accounts: [Expr] = []
    }

    private mutating func intTerm(_ sc: Scope, _ depth: Int) -> Expr {
        let leaf = depth <= 0 || chance(0.45)
        if leaf {
            var options: [() -> Expr] = []
            let lits = int(-1...4)
            options.append { .int(lits) }
            if !ints.isEmpty {
                let v = pick(ints)
                options.append { .variable(v) }
                options.append { .variable(v) }
            }
            if !sc.intParams.isEmpty {
                let p = pick(sc.intParams)
                options.append { .param(p) }
            }
            if !maps.isEmpty, !sc.accounts.isEmpty {
                let m = pick(maps)
                let a = pick(sc.accounts)
                options.append { .select(m, a) }
            }
            return pick(options)()
        }
        switch int(0...9) {
        case 0, 1: return .apply(.add, [intTerm(sc, depth - 1), intTerm(sc, depth - 1)])
        case 2, 3: return .apply(.sub, [intTerm(sc, depth - 1), intTerm(sc, depth - 1)])
        case 4: return .apply(.mul, [intTerm(sc, depth - 1), .int(int(-1...2))])
        case 5: return .apply(pick([Op.div, .mod]), [intTerm(sc, depth - 1), .int(int(-2...3))])
        case 6: return .apply(pick([Op.min, .max]), [intTerm(sc, depth - 1), intTerm(sc, depth - 1)])
        case 7: return .apply(.ite, [boolExpr(sc, depth - 1), intTerm(sc, depth - 1), intTerm(sc, depth - 1)])
        case 8: return .apply(.neg, [intTerm(sc, depth - 1)])
        default: return intTerm(sc, 0)
        }
    }

    private mutating func boolExpr(_ sc: Scope, _ depth: Int) -> Expr {
        let leaf = depth <= 0 || chance(0.4)
        if leaf {
            if !bools.isEmpty, chance(0.35) { return .variable(pick(bools)) }
            if !sc.boolParams.isEmpty, chance(0.2) { return .param(pick(sc.boolParams)) }
            if chance(0.05) { return .bool(chance(0.5)) }
            // `now` compared with a small constant (the explorer enumerates the trigger time).
            if chance(0.06) { return .apply(pick([Op.lt, .le, .gt, .ge]), [.now, .int(int(0...3))]) }
            // Constants at the literal limit: a small term scaled by 10^15, compared with a multiple
            // of it (literals themselves are limited to 10^15, so the multiple is a product).
            if chance(0.05) {
                return .apply(
                    pick([Op.lt, .le, .gt, .ge]),
                    [
                        .apply(.mul, [intTerm(sc, 0), .int(Self.big)]),
                        .apply(.mul, [.int(int(-2...3)), .int(Self.big)]),
                    ])
            }
            let op = pick([Op.lt, .le, .gt, .ge, .eq, .ne])
            return .apply(op, [intTerm(sc, 1), intTerm(sc, 0)])
        }
        switch int(0...5) {
        case 0, 1: return .apply(.and, (0..<int(2...3)).map { _ in boolExpr(sc, depth - 1) })
        case 2: return .apply(.or, [boolExpr(sc, depth - 1), boolExpr(sc, depth - 1)])
        case 3: return .apply(.not, [boolExpr(sc, depth - 1)])
        case 4: return .apply(.implies, [boolExpr(sc, depth - 1), boolExpr(sc, depth - 1)])
        default: return boolExpr(sc, 0)
        }
    }

    /// A guard: usually true or a simple condition.
    private mutating func guardExpr(_ sc: Scope) -> Expr { chance(0.35) ? .bool(true) : boolExpr(sc, int(0...2)) }

    mutating func program() -> Program {
        line = 0
        var m = Model(name: "M", loc: loc())
        // State.
        let nInts = int(1...3)
        let nBools = int(0...2)
        ints = (0..<nInts).map { "x\($0)" }
        bools = (0..<nBools).map { "f\($0)" }
        maps = chance(0.7) ? (chance(0.3) ? ["bal", "debt"] : ["bal"]) : []
        for v in ints {
            let lo = chance(0.8) ? 0 : -1
            var sv = StateVar(
                name: v, type: .int, min: lo, max: lo + (chance(0.8) ? int(1...3) : int(4...6)), loc: loc())
            if chance(0.15) { sv.initial = .int(int(sv.min!...sv.max!)) }
            m.state.append(sv)
        }
        for b in bools {
            var sv = StateVar(name: b, type: .bool, loc: loc())
            if chance(0.2) { sv.initial = .bool(chance(0.5)) }
            m.state.append(sv)
        }
        for mp in maps {
            var sv = StateVar(name: mp, type: .map, min: 0, max: int(1...3), loc: loc())
            if chance(0.3) { sv.initial = .int(int(0...sv.max!)) }
            // Two maps: at most 2 × 2 initial vectors per account (was up to 4 × 4), so the
            // explorer's account choices stay few (`Self.branchingBound`).
            if maps.count == 2 { Self.clamp(&sv, max: 1) }
            m.state.append(sv)
        }

        // Authority.
        let entities = (0..<int(2...4)).map { "E\($0)" }
        m.entities = entities.map { EntityDecl(name: $0, loc: loc()) }
        let keys = (0..<int(2...5)).map { "K\($0)" }
        for k in keys { m.keys.append(KeyDecl(name: k, holder: pick(entities), loc: loc())) }
        if chance(0.25) { m.delegations.append(Delegation(key: pick(keys), entity: pick(entities), loc: loc())) }
        var privileged: [String] = []
        let msLoc = loc()
        var signers = subset(keys, 0.7)
        if signers.isEmpty { signers = [keys[0]] }
        let ms = Role(name: "ms", rule: .multisig(keys: signers, threshold: int(1...signers.count)), loc: msLoc)
        m.roles.append(ms)
        privileged.append("ms")
        if chance(0.5) {
            let kLoc = loc()
            var r = Role(name: "k", rule: .key(pick(keys)), loc: kLoc)
            if chance(0.15) { r.allowUnilateral = "generated" }
            m.roles.append(r)
            privileged.append("k")
        }
        if chance(0.4) {
            let govLoc = loc()
            // Sometimes powers and fractions at the literal limit (128-bit comparisons).
            let scale = chance(0.2) ? Self.big / 10 : 1
            var powers = subset(entities, 0.7).map { VotingPower(entity: $0, power: int(0...5) * scale) }
            if powers.isEmpty { powers = [VotingPower(entity: entities[0], power: int(1...5) * scale)] }
            var g = Role.Governance(
                powers: powers,
                supermajority: pick([
                    Fraction(1, 2), Fraction(2, 3), Fraction(1, 3), Fraction(3, 4), Fraction(Self.big - 1, Self.big),
                ]))
            if chance(0.4) { g.quorum = pick([Fraction(1, 4), Fraction(1, 2)]) }
            if chance(0.5) { g.measuredAt = pick([PowerMeasurement.snapshot, .execution]) }
            m.roles.append(Role(name: "gov", rule: .governance(g), loc: govLoc))
            privileged.append("gov")
        }
        if chance(0.35) {
            let tlLoc = loc()
            var t = Role.Timelock(role: pick(privileged.filter { $0 != "tl" }))
            t.minDelay = int(0...2)
            if chance(0.3) { t.vetoBy = pick(privileged.filter { $0 != "tl" }) }
            m.roles.append(Role(name: "tl", rule: .timelock(t), loc: tlLoc))
            privileged.append("tl")
        }
        if chance(0.25), privileged.count >= 2 {
            let bothLoc = loc()
            m.roles.append(
                Role(name: "both", rule: .allOf(Array(privileged.shuffled(using: &rng).prefix(2))), loc: bothLoc))
            privileged.append("both")
        }
        let hasAnyone = chance(0.35)
        if hasAnyone { m.roles.append(Role(name: "anyone", rule: .anyone, loc: loc())) }
        nestedRoles(&m, &privileged)
        m.minCoalition = pick([1, 2, 2, 2, 3])

        // Actions.
        var stepActions: [Action] = []
        // Two maps multiply the states (every account is a vector): a quarter of the branching.
        let actionBound = maps.count == 2 ? Self.branchingBound / 4 : Self.branchingBound
        var branchingLeft = maps.count == 2 ? Self.programBranchingBound / 4 : Self.programBranchingBound
        let nActions = int(1...4)
        for i in 0..<nActions {
            let kind = i == 0 ? 0 : int(0...2)  // 0 privileged, 1 user, 2 permissionless or privileged
            var a = Action(name: "a\(i)", loc: loc())
            var sc = Scope()
            if kind == 1 && map != nil {
                a.user = true
                sc.accounts.append(.param("caller"))
            } else if kind == 2 && hasAnyone && chance(0.6) {
                a.by = ["anyone"]
            } else {
                a.by = [pick(privileged)]
                if chance(0.2) {
                    let r = pick(privileged)
                    if !a.by.contains(r) { a.by.append(r) }
                }
            }
            let isStepCandidate = !a.user && !a.by.contains("anyone")
            for k in 0..<int(0...3) {
                let t = int(0...2)
                let prm: Param
                if t == 0 {
                    prm = Param(name: "p\(k)", type: .int, min: int(-1...0), max: int(0...2), loc: loc())
                } else if t == 1 {
                    prm = Param(name: "b\(k)", type: .bool, loc: loc())
                } else if map != nil && !isStepCandidate {
                    prm = Param(name: "to\(k)", type: .account, loc: loc())
                } else {
                    continue
                }
                // A parameter that would make the explorer try too many transitions per state is left out.
                guard Self.branching(a.params + [prm], user: a.user, model: m) <= min(actionBound, branchingLeft) else {
                    continue
                }
                a.params.append(prm)
                switch prm.type {
                case .int: sc.intParams.append(prm.name)
                case .bool: sc.boolParams.append(prm.name)
                default: sc.accounts.append(.param(prm.name))
                }
            }
            a.guardExpr = guardExpr(sc)
            a.effects = effects(sc, m, keys: keys, entities: entities, authority: chance(0.2))
            if a.effects.isEmpty, let v = ints.first {
                a.effects = [Effect(.assign(target: v, index: nil, value: intTerm(sc, 1)), loc: loc())]
            }
            if chance(0.2), map != nil {
                var sc2 = sc
                sc2.accounts.append(.account)
                a.allowedReduction = boolExpr(sc2, 1)
            }
            m.actions.append(a)
            branchingLeft -= Self.branching(a.params, user: a.user, model: m)
            if isStepCandidate { stepActions.append(a) }
        }
        if stepActions.isEmpty {
            var a = Action(name: "emergency", by: [pick(privileged)], loc: loc())
            a.guardExpr = guardExpr(Scope())
            a.effects = effects(Scope(), m, keys: keys, entities: entities, authority: chance(0.15))
            if a.effects.isEmpty {
                a.effects = [Effect(.assign(target: ints[0], index: nil, value: .int(int(0...2))), loc: loc())]
            }
            m.actions.append(a)
            stepActions.append(a)
        }
        if let mp = map, chance(0.25) {
            // A pro-rata share of a pool (`Claim.redeemable`); ranges starting at -1 reach totalShares <= 0.
            let assets: Expr = chance(0.5) ? .variable(pick(ints)) : .apply(.add, [.variable(pick(ints)), .int(1)])
            let r = RedeemableClaim(shares: mp, totalShares: .variable(pick(ints)), assets: assets, loc: loc())
            m.redeemable = r
            m.claim = Assertion(name: "claim", expr: r.expr, loc: r.loc)
        } else if let mp = map {
            m.claim = Assertion(
                name: "claim",
                expr: chance(0.8) ? .select(mp, .account) : .apply(.add, [.select(mp, .account), .variable(ints[0])]),
                loc: loc())
        } else if chance(0.3) {
            m.claim = Assertion(name: "claim", expr: .variable(ints[0]), loc: loc())
        }
        if chance(0.3) { m.assumptions.append(Assertion(name: "assume0", expr: boolExpr(Scope(), 1), loc: loc())) }
        for k in 0..<int(0...2) {
            m.invariants.append(Assertion(name: "inv\(k)", expr: boolExpr(Scope(), int(0...2)), loc: loc()))
        }

        // Incident.
        var inc = Incident(name: "I", model: "M", loc: loc())
        inc.compromised = subset(entities, 0.3)
        if chance(0.4) {
            var a = Action(name: "attack", loc: loc())
            var sc = Scope()
            if chance(0.5) {
                a.params.append(Param(name: "q", type: .int, min: 0, max: int(1...2), loc: loc()))
                sc.intParams.append("q")
            }
            if map != nil, chance(0.5) {
                a.params.append(Param(name: "victim", type: .account, loc: loc()))
                sc.accounts.append(.param("victim"))
                // Several account parameters.
                if chance(0.5) {
                    a.params.append(Param(name: "other", type: .account, loc: loc()))
                    sc.accounts.append(.param("other"))
                }
            }
            a.live = boolExpr(sc, 1)
            a.guardExpr = guardExpr(sc)
            a.effects = effects(sc, m, keys: keys, entities: entities, authority: false)
            if a.effects.isEmpty {
                a.effects = [Effect(.assign(target: ints[0], index: nil, value: intTerm(sc, 1)), loc: loc())]
            }
            inc.attacks.append(a)
        }
        if chance(0.3) {
            let v = pick(ints)
            let d = m.variable(v)!
            inc.oracles.append(OracleMove(target: v, min: d.min!, max: min(d.max!, d.min! + 3), loc: loc()))
        }
        if m.role("gov") != nil, chance(0.4) {
            inc.borrowable.append(BorrowablePower(role: "gov", amount: int(1...6), loc: loc()))
        }
        if chance(0.2) { inc.assumptions.append(Assertion(name: "iassume", expr: boolExpr(Scope(), 1), loc: loc())) }

        // Procedure.
        var p = Procedure(
            name: "P", model: "M", incident: "I",
            trigger: Assertion(name: "trigger", expr: chance(0.5) ? .bool(true) : boolExpr(Scope(), 1), loc: loc()),
            loc: loc())
        for j in 0..<int(1...3) {
            let a = pick(stepActions)
            let role = pick(a.by)
            var st = Step(name: "s\(j)", action: a.name, role: role, loc: loc())
            st.after = int(0...2)
            if chance(0.6) { st.within = st.after + int(0...2) }
            for prm in a.params where prm.type == .int && chance(0.3) {
                st.args.append(
                    .init(name: prm.name, value: chance(0.7) ? .int(int(prm.min!...prm.max!)) : intTerm(Scope(), 1)))
            }
            let ws = Array(a.writeSet).sorted()
            st.writes = chance(0.75) ? ws : subset(ws, 0.5)
            if chance(0.15) { st.writes.append(pick(ints)) }
            if chance(0.3) {
                let at = loc()
                let target = pick(ints)
                let lo = chance(0.7) ? int(-1...1) : nil
                let hi = chance(0.7) || lo == nil ? int(1...4) : nil
                st.bounds.append(Bound(.range(target: target, min: lo, max: hi), loc: at))
            }
            if chance(0.25) {
                let at = loc()
                let target = pick(ints)
                st.bounds.append(Bound(.maxChange(target: target, amount: int(0...2)), loc: at))
            }
            if chance(0.25) {
                let at = loc()
                let e = boolExpr(Scope(), 0)
                st.bounds.append(Bound(.maxDuration(expr: e, duration: int(0...3)), loc: at))
            }
            p.steps.append(st)
        }
        if chance(0.6) {
            p.containment = Assertion(name: "contained", expr: boolExpr(Scope(), 1), loc: loc())
            if chance(0.8) { p.containmentBudget = int(0...6) }
        }
        if chance(0.4) {
            if chance(0.15) {
                // A loss at ±9e18, the edge of 64 bits: its growth from -9e18 to 9e18 is a difference
                // beyond 64 bits, decided exactly on both sides.
                let edge = Expr.apply(.mul, [.int(9_000), .int(Self.big)])
                p.blastRadius = BlastRadius(
                    loss: .apply(.ite, [boolExpr(Scope(), 1), edge, .apply(.neg, [edge])]), max: Self.big * int(0...1),
                    loc: loc())
            } else if chance(0.25) {
                // A loss scaled to the literal limit (differences beyond 2^53).
                p.blastRadius = BlastRadius(
                    loss: .apply(.mul, [intTerm(Scope(), 0), .int(Self.big)]), max: Self.big * int(0...1), loc: loc())
            } else {
                p.blastRadius = BlastRadius(loss: intTerm(Scope(), 1), max: int(0...3), loc: loc())
            }
        }
        if chance(0.3) { p.window = int(0...6) }
        if chance(0.3) { p.invariants.append(Assertion(name: "pinv", expr: boolExpr(Scope(), 1), loc: loc())) }
        var program = withMoreProcedures(
            Program(models: [m], incidents: [inc], procedures: [p]), stepActions: stepActions)
        withInsider(&program)
        withRateLimit(&program)
        withPerPeriodBudgets(&program)
        withEntityParameters(&program)
        withVotingRoles(&program)
        withCoalitionMinimums(&program)
        withoutIneffectiveCoalitionSettings(&program)
        return program
    }

    /// `.allowUnilateral` and `.minCoalition` drawn on a role no action or step uses directly (the
    /// key role `k` or an `anyone`-based role used only inside a timelock, or by nothing) change no
    /// verdict and are rejected by the validator (since 2026-12-03); they are removed here. No
    /// random draw: every seed's program is the one of d69d2c3 without those no-op settings.
    private func withoutIneffectiveCoalitionSettings(_ program: inout Program) {
        for mi in program.models.indices {
            let m = program.models[mi]
            let used = Set(
                m.actions.flatMap(\.by)
                    + program.procedures.filter { $0.model == m.name }.flatMap { $0.steps.map(\.role) })
            for ri in m.roles.indices where !used.contains(m.roles[ri].name) {
                program.models[mi].roles[ri].allowUnilateral = nil
                program.models[mi].roles[ri].minCoalition = nil
            }
        }
    }

    /// Sometimes a role's own minimum coalition (`.minCoalition(n)`, from the model's minimum + 1
    /// up to the number of entities), another role accepted as held by one entity
    /// (`.allowUnilateral`), and an action `esc` through a role the coalition under test may hold
    /// at its size (accepted, or with a minimum below the largest one checked) that moves
    /// authority (a grant, a rotation or a threshold): the first move of an escalation
    /// (docs/semantics.md, `no-unilateral-control`). Drawn after everything else, so the rest of
    /// each seed's program is as before.
    private mutating func withCoalitionMinimums(_ program: inout Program) {
        var m = program.models[0]
        let entities = m.entities.map(\.name)
        let keys = m.keys.map(\.name)
        let used = Set(m.actions.flatMap(\.by) + program.procedures.flatMap { $0.steps.map(\.role) })
        let usable = m.roles.indices.filter { m.roles[$0].isPrivileged && used.contains(m.roles[$0].name) }
        if chance(0.4), !usable.isEmpty {
            let i = pick(usable)
            if m.roles[i].allowUnilateral == nil, entities.count >= 2 {
                m.roles[i].minCoalition = int(max(2, min(m.minCoalition + 1, entities.count))...entities.count)
            }
        }
        if chance(0.3) {
            let plain = usable.filter { m.roles[$0].allowUnilateral == nil && m.roles[$0].minCoalition == nil }
            if !plain.isEmpty { m.roles[pick(plain)].allowUnilateral = "generated" }
        }
        func minimum(_ r: Role) -> Int { r.allowUnilateral != nil ? 1 : (r.minCoalition ?? m.minCoalition) }
        // Sometimes every role a too small coalition satisfies in the initial authority is accepted,
        // so `no-unilateral-control` can only break through authority that moves (the attacker's
        // moves, escalation): otherwise most programs break it at depth 0 and the shortest
        // violation never needs the coalition's own moves. (A heuristic of the generator, on the
        // initial holders and declared thresholds; power read from state counts as 0.)
        if chance(0.35),
            let world = World(
                program: Program(models: [m], incidents: program.incidents, procedures: program.procedures),
                procedure: program.procedures[0])
        {
            var s = State()
            Evaluator(world: world).initialAuthority(into: &s)
            let rules = AuthorityRules(world: world)
            let honest = world.honestEntities
            for i in m.roles.indices
            where m.roles[i].isPrivileged && m.roles[i].allowUnilateral == nil && used.contains(m.roles[i].name) {
                let need = minimum(m.roles[i])
                let small = (0..<(1 << honest.count)).contains { mask in
                    let members = Set(honest.indices.filter { mask & (1 << $0) != 0 }.map { honest[$0] })
                    return [false, true].contains { att in
                        members.count + (att ? 1 : 0) < need
                            && rules.satisfies(m.roles[i].name, in: s, attacker: att) {
                                world.compromised.contains($0) ? att : members.contains($0)
                            }
                    }
                }
                if small {
                    m.roles[i].allowUnilateral = "generated"
                    m.roles[i].minCoalition = nil
                }
            }
        }
        // The roles the coalition under test may use on the way: a minimum below the largest checked.
        let largest =
            m.roles.filter { $0.isPrivileged && $0.allowUnilateral == nil && used.contains($0.name) }.map(minimum).max()
            ?? m.minCoalition
        let lower = m.roles.filter { $0.isPrivileged && minimum($0) < largest }.map(\.name)
        if chance(0.6), !lower.isEmpty {
            var a = Action(name: "esc", by: [pick(lower)], loc: loc())
            a.guardExpr = chance(0.7) ? .bool(true) : guardExpr(Scope())
            let at = loc()
            switch int(0...3) {
            case 0, 1: a.effects = [Effect(.grant(key: pick(keys), entity: pick(entities)), loc: at)]
            case 2: a.effects = [Effect(.rotateKey(key: pick(keys), entity: pick(entities)), loc: at)]
            default: a.effects = [Effect(.setThreshold(role: "ms", value: .int(int(1...2))), loc: at)]
            }
            m.actions.append(a)
        }
        program.models[0] = m
    }

    /// Sometimes a rate limit (`RateLimit("lim", max:, per:, usedAtTrigger:)`) spent by some
    /// actions and attacks (`Spend(lim, amount)`), lowered as the DSL lowers it (docs/semantics.md,
    /// "Rate limits"): state `lim.used` (0...max) and `lim.window` (0...10^15), the assumption
    /// `lim.window == now / per`, and per spend the guard `amount >= 0 && now / per <= 10^15 &&
    /// s + amount <= max` and the effects `lim.used := s + amount`, `lim.window := now / per` with
    /// `s = ite(now / per > lim.window, 0, lim.used)`. A short `per` (2–3 s): the explorer covers
    /// every residue of the trigger time and ticks modulo it. Drawn after everything else.
    private mutating func withRateLimit(_ program: inout Program) {
        guard chance(0.3) else { return }
        let mx = int(1...3)
        let per = int(2...3)
        let usedName = "lim.used"
        let windowName = "lim.window"
        let used = Expr.variable(usedName)
        let window = Expr.variable(windowName)
        let current = Expr.apply(.div, [.now, .int(per)])
        var m = program.models[0]
        let at = loc()
        var usedVar = StateVar(name: usedName, type: .int, min: 0, max: mx, loc: at)
        // Often `usedAtTrigger:` (fewer initial states: the trigger times already multiply them).
        if chance(0.6) { usedVar.initial = .int(int(0...mx)) }
        m.state += [usedVar, StateVar(name: windowName, type: .int, min: 0, max: maxLiteralMagnitude, loc: at)]
        m.assumptions.append(
            Assertion(
                name: "lim: the trigger is in window lim.window (now / \(per))", expr: .apply(.eq, [window, current]),
                loc: at))
        func spend(_ a: inout Action) {
            let ints = a.params.filter { $0.type == .int }.map(\.name)
            let amount: Expr = !ints.isEmpty && chance(0.5) ? .param(pick(ints)) : .int(int(0...2))
            let after = Expr.apply(.add, [.apply(.ite, [.apply(.gt, [current, window]), .int(0), used]), amount])
            let at = loc()
            a.guardExpr = .apply(
                .and,
                [
                    a.guardExpr,
                    .apply(
                        .and,
                        [
                            .apply(.ge, [amount, .int(0)]),
                            .apply(.le, [current, .int(maxLiteralMagnitude)]),
                            .apply(.le, [after, .int(mx)]),
                        ]),
                ])
            a.effects += [
                Effect(.assign(target: usedName, index: nil, value: after), loc: at),
                Effect(.assign(target: windowName, index: nil, value: current), loc: at),
            ]
        }
        var spenders: Set<String> = []
        for k in m.actions.indices where chance(m.actions[k].user ? 0.7 : 0.45) {
            spend(&m.actions[k])
            spenders.insert(m.actions[k].name)
        }
        if chance(0.3) {
            m.invariants.append(Assertion(name: "limUsed", expr: .apply(.le, [used, .int(int(0...mx))]), loc: loc()))
        }
        program.models[0] = m
        for i in program.incidents.indices {
            for k in program.incidents[i].attacks.indices where chance(0.5) { spend(&program.incidents[i].attacks[k]) }
        }
        // A step whose action spends writes both variables (`Writes(lim)`), mostly declared.
        for i in program.procedures.indices {
            for j in program.procedures[i].steps.indices
            where spenders.contains(program.procedures[i].steps[j].action) && chance(0.85) {
                program.procedures[i].steps[j].writes += [usedName, windowName]
            }
        }
    }

    /// Sometimes makes a procedure's small blast radius a budget per period of 2–3 s, rolling or
    /// fixed (`BlastRadius(loss:max:per:window:)`); with a rate limit, sometimes of what it spent.
    private mutating func withPerPeriodBudgets(_ program: inout Program) {
        let limited = program.models[0].variable("lim.used") != nil
        // With a rate limit, the budget's period is the limit's (one least common multiple, fewer times to explore).
        let limitPer = program.models[0].assumptions.first { $0.name.hasPrefix("lim:") }.flatMap { a -> Int? in
            if case .apply(.eq, let args) = a.expr, args.count == 2, case .apply(.div, let d) = args[1],
                case .int(let p) = d[1]
            {
                return p
            }
            return nil
        }
        for i in program.procedures.indices where chance(0.3) {
            var p = program.procedures[i]
            if p.blastRadius == nil {
                guard limited else { continue }
                p.blastRadius = BlastRadius(loss: .variable("lim.used"), max: int(0...2), loc: loc())
            }
            // Only the small losses (not those scaled to 10^15 or at the 64-bit edge).
            guard var br = p.blastRadius, !Self.mentionsBig(br.loss) else { continue }
            br.per = int(2...3)
            if let lp = limitPer { br.per = lp }
            br.window = pick([nil, BlastRadius.WindowKind.rolling, .fixed])
            p.blastRadius = br
            program.procedures[i] = p
        }
    }

    /// Sometimes lets the caller choose the entity of an authority move (`ctx.entity("who")`:
    /// `RotateKey(k, to: who)`, `Grant(k, to: who)`, `Revoke(k, from: who)`), within the
    /// branching bound. Drawn after everything else.
    private mutating func withEntityParameters(_ program: inout Program) {
        var m = program.models[0]
        for k in m.actions.indices {
            let a = m.actions[k]
            guard a.effects.contains(where: { [.rotateKey, .grant, .revoke].contains($0.change.kind) }), chance(0.6),
                Self.branching(a.params, user: a.user, model: m) * m.entities.count <= Self.branchingBound
            else { continue }
            m.actions[k].params.append(Param(name: "who", type: .entity, loc: loc()))
            m.actions[k].effects = a.effects.map { e in
                var e = e
                switch e.change {
                case .rotateKey(let key, _): e.change = .rotateKeyTo(key: key, param: "who")
                case .grant(let key, _): e.change = .grantTo(key: key, param: "who")
                case .revoke(let key, _): e.change = .revokeFrom(key: key, param: "who")
                default: break
                }
                return e
            }
        }
        program.models[0] = m
    }

    /// Sometimes a governor (`Role.governor`: For votes against a proposal threshold and an
    /// absolute quorum, Against from compromised and `opposing` holders, Abstain from `abstaining`
    /// ones, a wait of `votingDelay + votingPeriod`, power fixed or read from an integer variable
    /// at execution) and a shutdown module (`Role.shutdownModule`: deposits in an integer
    /// variable plus the coalition's holdings against a threshold), each added to the roles of a
    /// privileged action and sometimes made the role of a procedure step. Drawn after everything else.
    private mutating func withVotingRoles(_ program: inout Program) {
        var m = program.models[0]
        let entities = m.entities.map(\.name)
        let powerVars = m.state.filter { $0.type == .int && ($0.min ?? -1) >= 0 && ints.contains($0.name) }.map(\.name)
        func holdings(_ fromState: Bool) -> [VoteHolding] {
            var hs = subset(entities, 0.7).map { VoteHolding(entity: $0, amount: .fixed(int(0...4))) }
            if hs.isEmpty { hs = [VoteHolding(entity: entities[0], amount: .fixed(int(1...4)))] }
            if fromState, !powerVars.isEmpty, chance(0.5) {
                hs[int(0...(hs.count - 1))].amount = .variable(pick(powerVars))
            }
            return hs
        }
        var added: [String] = []
        if chance(0.2) {
            let votes = holdings(true)
            var g = Role.Governor(votes: votes, quorum: int(1...5))
            if chance(0.4) { g.quorumCounts = .forAndAbstain }
            if chance(0.4) { g.proposalThreshold = int(1...3) }
            if chance(0.4) {
                g.votingDelay = int(0...1)
                g.votingPeriod = int(0...1)
            }
            let holders = votes.map(\.entity)
            for e in holders where chance(0.3) {
                if chance(0.5) { g.abstaining.append(e) } else { g.opposing.append(e) }
            }
            g.measuredAt =
                votes.contains { if case .variable = $0.amount { return true } else { return false } } || chance(0.5)
                ? .execution : .snapshot
            m.roles.append(Role(name: "govr", rule: .governor(g), loc: loc()))
            added.append("govr")
            if chance(0.3) {
                program.incidents[0].borrowable.append(BorrowablePower(role: "govr", amount: int(1...3), loc: loc()))
            }
        }
        if chance(0.15), let deposited = powerVars.isEmpty ? nil : pick(powerVars) {
            let sm = Role.ShutdownModule(deposited: deposited, threshold: int(1...6), holdings: holdings(true))
            m.roles.append(Role(name: "esm", rule: .shutdownModule(sm), loc: loc()))
            added.append("esm")
        }
        guard !added.isEmpty else { return }
        for r in added {
            let privileged = m.actions.indices.filter {
                m.actions[$0].by.contains { n in m.role(n)?.isPrivileged ?? false }
            }
            guard !privileged.isEmpty else { continue }
            let k = pick(privileged)
            m.actions[k].by.append(r)
            for i in program.procedures.indices {
                for j in program.procedures[i].steps.indices
                where program.procedures[i].steps[j].action == m.actions[k].name && chance(0.5) {
                    program.procedures[i].steps[j].role = r
                }
            }
        }
        program.models[0] = m
    }

    /// The most candidate transitions one action may give the explorer per state (estimated by
    /// `branching`): with two maps of range 0...3 and an action with an account and two value
    /// parameters, one state had thousands, and seed 6 hit the explorer's budget at depth 0.
    static let branchingBound = 64
    /// The most the actions of one program may add up to (each still gets a parameterless form).
    static let programBranchingBound = 128

    /// An estimate of the explorer's candidates for an action with `params`: every account slot
    /// (the caller, each account parameter) is one of about two named accounts or a fresh copy of
    /// one of the template accounts (one per possible initial vector over the maps), times every
    /// binding of the value parameters.
    static func branching(_ params: [Param], user: Bool, model m: Model) -> Int {
        let templates = m.state.filter { $0.type == .map }.reduce(1) { n, v in
            n * (v.initial == nil ? v.max! - v.min! + 1 : 1)
        }
        var out = 1
        for _ in 0..<(params.filter { $0.type == .account }.count + (user ? 1 : 0)) { out *= templates + 2 }
        for p in params {
            switch p.type {
            case .int: out *= p.max! - p.min! + 1
            case .bool: out *= 2
            default: break
            }
        }
        return out
    }

    /// Whether `e` has a constant of magnitude 1000 or more (a loss scaled to 10^15 or at the 64-bit edge).
    static func mentionsBig(_ e: Expr) -> Bool {
        switch e {
        case .int(let v): return abs(v) >= 1000
        case .apply(_, let args): return args.contains(where: mentionsBig)
        default: return false
        }
    }

    /// Narrows a map's range to `0...max` (its `initial:` too).
    static func clamp(_ v: inout StateVar, max hi: Int) {
        v.max = min(v.max!, hi)
        if case .int(let x) = v.initial { v.initial = .int(min(x, hi)) }
    }

    /// Sometimes names one honest entity of the first incident an `Insider` (issue 14, part 7).
    /// Drawn after everything else, so the rest of each seed's program is as before.
    private mutating func withInsider(_ program: inout Program) {
        guard chance(0.25) else { return }
        let inc = program.incidents[0]
        let honest = program.models[0].entities.map(\.name).filter { !inc.compromised.contains($0) }
        guard !honest.isEmpty else { return }
        program.incidents[0].insiders = [InsiderEntity(entity: pick(honest), loc: loc())]
    }

    /// Nested and anyone-based roles (issue 9, classes 1 and 2): a timelock over `anyone` or
    /// `allOf([anyone])` (usable by anyone, the attacker included), a timelock over a timelock
    /// (delays add up), `allOf([timelock, role])` (the longest delay), grace periods (expiry).
    private mutating func nestedRoles(_ m: inout Model, _ privileged: inout [String]) {
        func timelock(_ name: String, over inner: String) -> Role {
            let at = loc()
            var t = Role.Timelock(role: inner, minDelay: int(0...2))
            if chance(0.4) { t.grace = int(0...2) }
            return Role(name: name, rule: .timelock(t), loc: at)
        }
        if let i = m.roles.firstIndex(where: { $0.name == "tl" }), chance(0.3), case .timelock(var t) = m.roles[i].rule
        {
            t.grace = int(0...2)
            m.roles[i].rule = .timelock(t)
        }
        if chance(0.3) {
            m.roles.append(Role(name: "open", rule: .anyone, loc: loc()))
            var r: Role
            if chance(0.5) {
                r = timelock("openTl", over: "open")
            } else {
                r = Role(name: "openAll", rule: .allOf(["open"]), loc: loc())
            }
            if chance(0.3) { r.allowUnilateral = "generated" }
            m.roles.append(r)
            privileged.append(r.name)
        }
        if chance(0.3) {
            m.roles.append(timelock("tlIn", over: pick(privileged)))
            var outer = timelock("tlOut", over: "tlIn")
            if chance(0.2), case .timelock(var t) = outer.rule {
                t.vetoBy = pick(privileged)
                outer.rule = .timelock(t)
            }
            m.roles.append(outer)
            privileged += ["tlIn", "tlOut"]
        }
        let timelocks = m.roles.filter { $0.kind == .timelock }.map(\.name)
        if !timelocks.isEmpty, chance(0.35) {
            let t = pick(timelocks)
            let andLoc = loc()
            m.roles.append(
                Role(
                    name: "tlAnd", rule: .allOf([t, pick(privileged.filter { $0 != t && $0 != "tlAnd" })]), loc: andLoc)
            )
            privileged.append("tlAnd")
        }
    }

    private mutating func effects(_ sc: Scope, _ m: Model, keys: [String], entities: [String], authority: Bool)
        -> [Effect]
    {
        var out: [Effect] = []
        var scalars = (ints + bools).shuffled(using: &rng)
        for _ in 0..<int(0...2) {
            guard let t = scalars.popLast() else { break }
            // Often an increment or decrement with no Require: the usual way to leave a declared range.
            let step = Expr.apply(.add, [.variable(t), .int(chance(0.5) ? 1 : -1)])
            let value = ints.contains(t) ? (chance(0.25) ? step : intTerm(sc, int(0...2))) : boolExpr(sc, int(0...1))
            out.append(Effect(.assign(target: t, index: nil, value: value), loc: loc()))
        }
        if !maps.isEmpty, chance(0.5) {
            let mp = pick(maps)
            if !sc.accounts.isEmpty, chance(0.75) {
                for a in subset(sc.accounts, 0.7).prefix(2) {
                    let step = Expr.apply(.add, [.select(mp, a), .int(chance(0.5) ? 1 : -1)])
                    out.append(
                        Effect(.assign(target: mp, index: a, value: chance(0.25) ? step : intTerm(sc, 1)), loc: loc()))
                }
            } else {
                var sc2 = sc
                sc2.accounts.append(.account)
                out.append(Effect(.assignAll(target: mp, value: intTerm(sc2, 1)), loc: loc()))
            }
        }
        if authority {
            switch int(0...3) {
            case 0: out.append(Effect(.rotateKey(key: pick(keys), entity: pick(entities)), loc: loc()))
            case 1: out.append(Effect(.grant(key: pick(keys), entity: pick(entities)), loc: loc()))
            case 2: out.append(Effect(.revoke(key: pick(keys), entity: pick(entities)), loc: loc()))
            default:
                out.append(
                    Effect(
                        .setThreshold(role: "ms", value: chance(0.5) ? .int(int(0...3)) : intTerm(sc, 1)), loc: loc()))
            }
        }
        return out
    }
}

// MARK: Several procedures

extension ProgramGenerator {
    /// Adds 0 to 2 more procedures over the same model (each checked on its own world), some of
    /// them against a second incident with other compromised entities and without the attack,
    /// so procedure lookup by name, shared models and incidents, and results across procedures
    /// are exercised too.
    fileprivate mutating func withMoreProcedures(_ program: Program, stepActions: [Action]) -> Program {
        var out = program
        let m = program.models[0]
        let first = program.incidents[0]
        var second = Incident(name: "I1", model: m.name, loc: loc())
        second.compromised = subset(m.entities.map(\.name), 0.4)
        second.oracles = first.oracles
        if chance(0.5) { second.borrowable = first.borrowable }
        if chance(0.3) { second.attacks = first.attacks }
        var usedSecond = false
        for k in 1...2 where chance(0.45) {
            let incident = chance(0.5) ? first.name : second.name
            usedSecond = usedSecond || incident == second.name
            out.procedures.append(extraProcedure("P\(k)", incident: incident, stepActions: stepActions))
        }
        if usedSecond { out.incidents.append(second) }
        return out
    }

    /// A procedure of 1 to 2 steps with a trigger, and optionally containment, a blast radius
    /// and a window; the same restrictions as the first procedure (see the type's notes).
    fileprivate mutating func extraProcedure(_ name: String, incident: String, stepActions: [Action]) -> Procedure {
        var p = Procedure(
            name: name, model: "M", incident: incident,
            trigger: Assertion(name: "trigger", expr: chance(0.5) ? .bool(true) : boolExpr(Scope(), 1), loc: loc()),
            loc: loc())
        for j in 0..<int(1...2) {
            let a = pick(stepActions)
            var st = Step(name: "s\(j)", action: a.name, role: pick(a.by), loc: loc())
            st.after = int(0...2)
            if chance(0.6) { st.within = st.after + int(0...2) }
            let ws = Array(a.writeSet).sorted()
            st.writes = chance(0.8) ? ws : subset(ws, 0.5)
            if chance(0.2) {
                let at = loc()
                let target = pick(ints)
                st.bounds.append(Bound(.maxChange(target: target, amount: int(0...2)), loc: at))
            }
            p.steps.append(st)
        }
        if chance(0.6) {
            p.containment = Assertion(name: "contained", expr: boolExpr(Scope(), 1), loc: loc())
            if chance(0.8) { p.containmentBudget = int(0...6) }
        }
        if chance(0.3) { p.blastRadius = BlastRadius(loss: intTerm(Scope(), 1), max: int(0...3), loc: loc()) }
        if chance(0.3) { p.window = int(0...6) }
        return p
    }
}
