/// The concrete authority semantics, defined once: who satisfies a role, how long a step acting
/// through it must wait and until when it may run, and what voting power the attacker borrows.
/// The evaluator, replay, explanations and reports all read authority through this type; the
/// symbolic twin (`SymbolicAuthority` in RecovCheck) mirrors `satisfies` and reuses the timing
/// rules here as they are (they depend on declarations only).
///
/// Rules (docs/semantics.md, "Authority"):
/// - `anyone` is satisfied by every coalition, the empty one included; a role built on it
///   (`timelock(role: anyone)`, `allOf([anyone])`) is satisfied by whoever satisfies its parts.
/// - A timelock is satisfied when its inner role is and its operation is not cancelled: the
///   coalition's opponents (who would cancel it) cannot satisfy the veto role, if there is one,
///   or its own delay is too long to cancel in time (`cancelsInTime`).
///   The opponents of the honest entities running a step are the attacker; those of any other
///   coalition (the attacker, an insider, a coalition under test) are the honest entities outside
///   it. A veto that the attacker can exercise blocks the honest step; one that needs a member of
///   the coalition leaves its operations uncancellable. Its delay is
///   its `minDelay` plus the delay of its inner role (delays add up along a chain of timelocks);
///   an `allOf` waits for the longest delay among its roles; other roles have no delay. The veto
///   role does not add a delay (it cancels, it does not queue).
/// - A timelock's `grace` is how long after its earliest execution a queued operation stays
///   executable; the operation is queued to become executable at the step's earliest time. An
///   `allOf` expires with the first of its roles to expire; roles without a grace never expire.
/// - A Governor passes a coalition's proposal by its tally (`tally`): For reaches the proposal
///   threshold, the quorum counts For (and Abstain if so declared) up to the absolute quorum, and
///   For outnumbers Against; its delay is its voting delay plus its voting period. A shutdown
///   module is satisfied when its deposits plus the coalition's holdings reach its threshold.
public struct AuthorityRules: Sendable {
    public let world: World

    public init(world: World) { self.world = world }

    // MARK: Who satisfies a role

    /// Who controls `key` in `s` among the coalition: the holder, else the first allowlisted entity.
    public func controller(of key: String, in s: State, member: (String) -> Bool) -> (
        entity: String, viaAllowlist: Bool
    )? {
        if let h = s.holders[key], member(h) { return (h, false) }
        if let g = s.grants.sorted().first(where: { $0.key == key && member($0.entity) }) { return (g.entity, true) }
        return nil
    }

    /// Voting power the attacker adds to governance role `r`: only when it is in the coalition,
    /// borrowing is allowed here (not for an insider), and power is counted at execution.
    public func borrowed(_ r: Role, attacker: Bool, borrow: Bool) -> Int {
        guard attacker, borrow else { return 0 }
        switch r.rule {
        case .governance(let g) where g.measuredAt == .execution: return world.borrowable(r.name)
        case .governor(let g) where g.measuredAt == .execution: return world.borrowable(r.name)
        default: return 0
        }
    }

    /// The votes on a Governor proposal made by a coalition: its members vote For with all their
    /// power (plus what the attacker borrows, when it is in the coalition); compromised entities
    /// outside it vote Against; honest holders outside it vote as declared (`opposing`: Against,
    /// `abstaining`: Abstain) or not at all. Sums are exact (128-bit).
    public struct Tally: Sendable, Equatable {
        public var forVotes: Int128 = 0
        public var against: Int128 = 0
        public var abstain: Int128 = 0
        /// The votes the quorum counts.
        public func quorumVotes(_ g: Role.Governor) -> Int128 {
            forVotes + (g.quorumCounts == .forAndAbstain ? abstain : 0)
        }
        /// Whether the proposal passes: threshold, quorum, and more For than Against.
        public func passes(_ g: Role.Governor) -> Bool {
            forVotes >= Int128(g.proposalThreshold) && quorumVotes(g) >= Int128(g.quorum) && forVotes > against
        }
    }

    /// The tally of governor `g` (role `r`) in `s` for the coalition.
    /// In a cancellation (`against` the coalition whose operation it would cancel), those entities
    /// vote Against too, with the power the attacker borrows when it is among them (`againstBorrows`).
    public func tally(
        _ r: Role, _ g: Role.Governor, in s: State, attacker: Bool, borrow: Bool, member: (String) -> Bool,
        against: (String) -> Bool = { _ in false }, againstBorrows: Bool = false
    ) -> Tally {
        var t = Tally()
        for h in g.votes {
            let p = Int128(h.value(in: s))
            if member(h.entity) {
                t.forVotes += p
            } else if world.compromised.contains(h.entity) || g.opposing.contains(h.entity) || against(h.entity) {
                t.against += p
            } else if g.abstaining.contains(h.entity) {
                t.abstain += p
            }
        }
        t.forVotes += Int128(borrowed(r, attacker: attacker, borrow: borrow))
        t.against += Int128(borrowed(r, attacker: againstBorrows, borrow: true))
        return t
    }

    /// What a shutdown module holds, plus what the coalition can still deposit (exact, 128-bit).
    public func deposits(_ m: Role.ShutdownModule, in s: State, member: (String) -> Bool) -> Int128 {
        m.holdings.filter { member($0.entity) }.reduce(Int128(s.ints[m.deposited] ?? 0)) {
            $0 + Int128($1.value(in: s))
        }
    }

    /// Whether the coalition (entities for which `member` is true; `attacker` says whether the
    /// attacker, i.e. the compromised entities, is part of it) can satisfy `roleName` in `s`, with
    /// the honest entities outside it as its opponents (they cancel its timelocked operations
    /// when they can satisfy the veto role). Borrowed voting power counts only for the attacker,
    /// and only where power is measured at execution (then a timelock delay does not help: the
    /// votes are counted when it runs).
    public func satisfies(
        _ roleName: String, in s: State, attacker: Bool, borrow: Bool = true, member: (String) -> Bool
    ) -> Bool {
        satisfies(
            roleName, in: s, attacker: attacker, borrow: borrow, member: member, opponentsAreAttacker: false,
            opponents: { !member($0) && !world.compromised.contains($0) })
    }

    /// `satisfies` with the coalition's opponents given: the entities for which `opponents` is
    /// true (with the attacker when `opponentsAreAttacker`) cancel its operations through a
    /// timelock whose veto role they satisfy; their own cancellations have the coalition as
    /// opponents.
    ///
    /// `contested`: this is a cancellation, which the opponents (the coalition whose operation it
    /// would cancel) vote Against in a governor, with the attacker's borrowable power when they
    /// include it; a governance role counts that borrowed power in its total.
    public func satisfies(
        _ roleName: String, in s: State, attacker: Bool, borrow: Bool = true, member: (String) -> Bool,
        opponentsAreAttacker: Bool, opponents: (String) -> Bool, contested: Bool = false
    ) -> Bool {
        guard let r = world.model.role(roleName) else { return false }
        func sat(_ name: String) -> Bool {
            satisfies(
                name, in: s, attacker: attacker, borrow: borrow, member: member,
                opponentsAreAttacker: opponentsAreAttacker, opponents: opponents, contested: contested)
        }
        switch r.rule {
        case .anyone: return true
        case .key(let k): return controller(of: k, in: s, member: member) != nil
        case .multisig(let keys, let declared):
            return keys.filter { controller(of: $0, in: s, member: member) != nil }.count
                >= currentThreshold(r.name, declared: declared, in: s)
        case .timelock(let t):
            guard sat(t.role) else { return false }
            guard let veto = t.vetoBy, cancelsInTime(veto, t, cancellerIsAttacker: opponentsAreAttacker) else {
                return true
            }
            // Cancelled when the opponents satisfy the veto role (the attacker with what it can borrow).
            return !satisfies(
                veto, in: s, attacker: opponentsAreAttacker, borrow: true, member: opponents,
                opponentsAreAttacker: attacker, opponents: member, contested: true)
        case .governance(let g):
            let extra = borrowed(r, attacker: attacker, borrow: borrow)
            let opposing = contested ? borrowed(r, attacker: opponentsAreAttacker, borrow: true) : 0
            let mine = g.powers.filter { member($0.entity) }.map(\.power).reduce(0, +) + extra
            let total = g.powers.map(\.power).reduce(0, +) + extra + opposing
            let sm = g.supermajority
            // Exact 128-bit products: power and denominators may each be near the literal limit.
            guard Checked.productAtLeast(mine, sm.den, sm.num, total) else { return false }
            if let q = g.quorum, !Checked.productAtLeast(mine, q.den, q.num, total) { return false }
            return total > 0
        case .allOf(let roles):
            return roles.allSatisfy { sat($0) }
        case .governor(let g):
            return tally(
                r, g, in: s, attacker: attacker, borrow: borrow, member: member,
                against: { contested && opponents($0) }, againstBorrows: contested && opponentsAreAttacker
            ).passes(g)
        case .shutdownModule(let m): return deposits(m, in: s, member: member) >= Int128(m.threshold)
        }
    }

    /// Whether a cancellation through `veto` lands while an operation waits in timelock `t`: the
    /// veto role's own delay (a timelock's, a governor's vote) is shorter than `t`'s `minDelay`;
    /// equal delays go to the attacker (it cancels an honest step in time, and the honest
    /// cancellation of its operation comes too late).
    public func cancelsInTime(_ veto: String, _ t: Role.Timelock, cancellerIsAttacker: Bool) -> Bool {
        let d = delay(of: veto)
        return d < t.minDelay || (d == t.minDelay && cancellerIsAttacker)
    }

    /// How many of a role's signing keys must sign in `s`: a multisig's threshold as the actions
    /// so far set it (else as declared); 1 for a key role (and for roles without signing keys).
    public func threshold(_ r: Role, in s: State) -> Int {
        if case .multisig(_, let declared) = r.rule { return currentThreshold(r.name, declared: declared, in: s) }
        return 1
    }

    /// A multisig's threshold as the actions so far set it, else as declared.
    private func currentThreshold(_ name: String, declared: Int, in s: State) -> Int { s.thresholds[name] ?? declared }

    /// Whether the honest entities (all but the compromised ones) can satisfy `role`.
    /// Their opponent is the attacker: it cancels their step through a timelock whose veto role
    /// it satisfies.
    public func honestSatisfies(_ role: String, in s: State) -> Bool {
        satisfies(
            role, in: s, attacker: false, member: { !world.compromised.contains($0) }, opponentsAreAttacker: true,
            opponents: { world.compromised.contains($0) })
    }

    /// Whether the attacker alone (the compromised entities, borrowed power, and every role open
    /// to anyone) can satisfy `role`.
    public func attackerSatisfies(_ role: String, in s: State) -> Bool {
        satisfies(role, in: s, attacker: true) { world.compromised.contains($0) }
    }

    /// Whether insider `entity` alone (its own keys, allowlist entries and voting power; nothing
    /// borrowed, no compromised entity with it) can satisfy `role`: the `Insider` moves.
    public func insiderSatisfies(_ role: String, _ entity: String, in s: State) -> Bool {
        satisfies(role, in: s, attacker: false, borrow: false) { $0 == entity }
    }

    /// Whether insider `entity` may satisfy `role` in some reachable state (as
    /// `attackerMayEverSatisfy`: an optimisation that leaves out moves it can never make).
    public func insiderMayEverSatisfy(_ role: String, _ entity: String) -> Bool {
        mayEver { insiderSatisfies(role, entity, in: $0) }
    }

    /// Whether the attacker may satisfy `role` in some reachable state: always when authority can
    /// change, otherwise exactly when it satisfies it under the declared authority. (An
    /// optimisation only: a move the attacker can never make need not be offered to the solver.)
    public func attackerMayEverSatisfy(_ role: String) -> Bool {
        mayEver { attackerSatisfies(role, in: $0) }
    }

    /// Always true when authority can change; otherwise `holds` under the declared authority.
    private func mayEver(_ holds: (State) -> Bool) -> Bool {
        if world.authorityIsDynamic { return true }
        var s = State()
        Evaluator(world: world).initialAuthority(into: &s)
        return holds(s)
    }

    // MARK: Timing

    /// Seconds an action through `roleName` waits after it is first proposed: a timelock's
    /// `minDelay` plus its inner role's delay; the longest delay in an `allOf`; otherwise 0.
    public func delay(of roleName: String) -> Int {
        Self.delay(of: roleName, in: world.model)
    }

    /// `delay(of:)` from the model's declarations alone (the validator has no world yet). Sums
    /// saturate at `Int.max` instead of trapping; the validator rejects delays past its limit.
    public static func delay(of roleName: String, in model: Model) -> Int {
        delay(of: roleName, in: model, visiting: [])
    }

    private static func delay(of roleName: String, in model: Model, visiting: Set<String>) -> Int {
        guard !visiting.contains(roleName), let r = model.role(roleName) else { return 0 }
        let seen = visiting.union([roleName])
        func plus(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max : sum
        }
        switch r.rule {
        case .timelock(let t): return plus(t.minDelay, delay(of: t.role, in: model, visiting: seen))
        case .allOf(let roles): return roles.map { delay(of: $0, in: model, visiting: seen) }.max() ?? 0
        case .governor(let g): return plus(g.votingDelay, g.votingPeriod)
        default: return 0
        }
    }

    /// How long after its earliest time an action through `roleName` can still run before its
    /// queued operation expires; nil when it never expires. A timelock's own `grace` (its inner
    /// levels execute at their earliest time, inside their own grace); the shortest in an `allOf`.
    public func grace(of roleName: String) -> Int? {
        grace(of: roleName, visiting: [])
    }

    private func grace(of roleName: String, visiting: Set<String>) -> Int? {
        guard !visiting.contains(roleName), let r = world.model.role(roleName) else { return nil }
        let seen = visiting.union([roleName])
        switch r.rule {
        case .timelock(let t): return t.grace
        case .allOf(let roles): return roles.compactMap { grace(of: $0, visiting: seen) }.min()
        default: return nil
        }
    }

    /// Earliest start of step `j` after the previous step (or the trigger): its `after`, and at
    /// least the delay of its role.
    public func earliest(_ j: Int) -> Int {
        let st = world.procedure.steps[j]
        return Swift.max(st.after, delay(of: st.role))
    }

    /// Latest start of step `j` after the previous step: its `within` (never before its earliest
    /// time), cut short where its queued operation expires (`earliest + grace`).
    public func deadline(_ j: Int) -> Int {
        let e = earliest(j)
        let d = Swift.max(world.procedure.steps[j].deadline, e)
        if let g = grace(of: world.procedure.steps[j].role) { return Swift.min(d, e + g) }
        return d
    }

    /// Whether step `j`'s deadline is set by the expiry of its queued operation (grace), not by its `within`.
    public func expiresBeforeWithin(_ j: Int) -> Bool {
        let e = earliest(j)
        guard let g = grace(of: world.procedure.steps[j].role) else { return false }
        return e + g < Swift.max(world.procedure.steps[j].deadline, e)
    }
}
