import RecovIR

/// Authority and step timing as docs/semantics.md states them, written for the explorer
/// independently of `AuthorityRules` (the code under test) and in a different shape: control is
/// computed as a set of keys first; delays and expiry are found by walking every path of the
/// role tree.
///
/// - A coalition controls a key it holds or is allowlisted for. `anyone` is met by every
///   coalition (the empty one too); `key`/`multisig` by controlling enough keys; a timelock by its
///   inner role, unless the other side can cancel: the other side of the honest step runners is
///   the attacker, of anyone else the honest entities not in the coalition, and it cancels when it
///   meets the veto role (as a coalition of its own, whose other side is the first) and the veto
///   role's own delay is shorter than the timelock's (equal: the attacker's side wins); governance by enough voting power
///   (the attacker adds borrowable power where votes are counted at execution); `allOf` by all.
/// - A step through a role waits the longest, over the paths from the role down its tree, of the
///   sum of the timelock delays (and a governor's voting delay and period) on the path (timelocks nest: delays add; `allOf` branches: the
///   longest branch). Its queued operation expires `grace` after it becomes executable, for the
///   outermost timelock on each branch (inner levels run at their earliest time); the first
///   branch to expire ends the step's window. The veto role adds no delay.
final class ReferenceAuthority {
    let world: World

    /// Each step's earliest time and deadline after the previous step, computed once (the role
    /// trees do not change; the explorer asks for them on every state and tick).
    private var earliests: [Int] = [], deadlines: [Int] = []

    init(world: World) {
        self.world = world
        earliests = world.procedure.steps.indices.map(computedEarliest)
        deadlines = world.procedure.steps.indices.map(computedDeadline)
    }

    private func keysControlled(_ s: State, _ member: (String) -> Bool) -> Set<String> {
        var out: Set<String> = []
        for (k, h) in s.holders where member(h) { out.insert(k) }
        for g in s.grants where member(g.entity) { out.insert(g.key) }
        return out
    }

    func satisfies(_ name: String, _ s: State, attacker: Bool, borrow: Bool = true, member: (String) -> Bool) -> Bool {
        let others = Set(world.model.entities.map(\.name)).filter { !member($0) && !world.compromised.contains($0) }
        return satisfies(
            name, s, attacker: attacker, borrow: borrow, member: member, other: (false, others), contested: false)
    }

    /// `other`: the side that cancels the coalition's timelocked operations (whether the attacker
    /// is in it, and its entities). `contested`: the coalition is cancelling the other side's
    /// operation, so in a vote the other side votes Against, with what the attacker borrows.
    private func satisfies(
        _ name: String, _ s: State, attacker: Bool, borrow: Bool, member: (String) -> Bool,
        other: (attacker: Bool, entities: Set<String>), contested: Bool
    ) -> Bool {
        func borrowable(_ role: String) -> Int {
            world.incident.borrowable.filter { $0.role == role }.reduce(0) { $0 + $1.amount }
        }
        let controlled = keysControlled(s, member)
        let mine = Set(world.model.entities.map(\.name)).filter(member)
        func cancels(_ veto: String, within window: Int) -> Bool {
            // The cancellation takes the veto role's own delay; it must land while the operation
            // waits, a tie going to the attacker.
            let wait = delay(veto)
            guard wait < window || (wait == window && other.attacker) else { return false }
            return satisfies(
                veto, s, attacker: other.attacker, borrow: true, member: { other.entities.contains($0) },
                other: (attacker, mine), contested: true)
        }
        func sat(_ n: String, _ borrowing: Bool) -> Bool {
            guard let r = world.model.role(n) else { return false }
            switch r.rule {
            case .anyone: return true
            case .key(let k): return controlled.contains(k)
            case .multisig(let keys, let threshold):
                let have = keys.reduce(0) { $0 + (controlled.contains($1) ? 1 : 0) }
                return have >= (s.thresholds[r.name] ?? threshold)
            case .timelock(let t):
                return sat(t.role, borrowing) && !(t.vetoBy.map { cancels($0, within: t.minDelay) } ?? false)
            case .allOf(let roles): return !roles.contains { !sat($0, borrowing) }
            case .governance(let g):
                var mine = 0
                var total = 0
                for p in g.powers {
                    total += p.power
                    if member(p.entity) { mine += p.power }
                }
                if attacker && borrowing && g.measuredAt != .snapshot {
                    let extra = world.incident.borrowable.filter { $0.role == r.name }.reduce(0) { $0 + $1.amount }
                    mine += extra
                    total += extra
                }
                // A cancellation the attacker opposes: what it borrows is power too, not the canceller's.
                if contested && other.attacker && g.measuredAt != .snapshot { total += borrowable(r.name) }
                if total <= 0 { return false }
                let sm = g.supermajority
                // Exact products (128 bits): powers and denominators each go up to 10^15 and more.
                if Int128(mine) * Int128(sm.den) < Int128(sm.num) * Int128(total) { return false }
                if let q = g.quorum { return Int128(mine) * Int128(q.den) >= Int128(q.num) * Int128(total) }
                return true
            case .governor(let g):
                // Written from docs/semantics.md, independently of AuthorityRules.tally.
                var yes = 0
                var no = 0
                var idle = 0
                for h in g.votes {
                    let p: Int
                    switch h.amount {
                    case .fixed(let x): p = x
                    case .variable(let v): p = s.ints[v] ?? 0
                    }
                    if member(h.entity) {
                        yes += p
                    } else if world.compromised.contains(h.entity) || g.opposing.contains(h.entity)
                        || (contested && other.entities.contains(h.entity))
                    {
                        no += p
                    } else if g.abstaining.contains(h.entity) {
                        idle += p
                    }
                }
                if attacker && borrowing && g.measuredAt == .execution {
                    yes += world.incident.borrowable.filter { $0.role == r.name }.reduce(0) { $0 + $1.amount }
                }
                // The side whose operation this cancels votes Against it, with what the attacker borrows.
                if contested && other.attacker && g.measuredAt == .execution { no += borrowable(r.name) }
                let counted = g.quorumCounts == .forAndAbstain ? yes + idle : yes
                return yes >= g.proposalThreshold && counted >= g.quorum && yes > no
            case .shutdownModule(let m):
                var total = s.ints[m.deposited] ?? 0
                for h in m.holdings where member(h.entity) {
                    switch h.amount {
                    case .fixed(let x): total += x
                    case .variable(let v): total += s.ints[v] ?? 0
                    }
                }
                return total >= m.threshold
            }
        }
        return sat(name, borrow)
    }

    /// Every path from `name` down its role tree (through timelocks and allOf, not vetoes), as the
    /// list of timelocks on it, outermost first.
    private func paths(_ name: String) -> [[Role.Timelock]] {
        guard let r = world.model.role(name) else { return [[]] }
        switch r.rule {
        case .timelock(let t): return paths(t.role).map { [t] + $0 }
        case .allOf(let roles): return roles.flatMap { paths($0) }
        // A governor's vote takes `votingDelay + votingPeriod` (docs/semantics.md): a wait on the
        // path, which never expires (no grace).
        case .governor(let g): return [[Role.Timelock(role: name, minDelay: g.votingDelay + g.votingPeriod)]]
        default: return [[]]
        }
    }

    func delay(_ name: String) -> Int {
        paths(name).map { $0.reduce(0) { $0 + $1.minDelay } }.max() ?? 0
    }

    /// The shortest grace among the branches' outermost timelocks; nil when no branch expires.
    func grace(_ name: String) -> Int? {
        paths(name).compactMap { $0.first?.grace }.min()
    }

    func earliest(_ j: Int) -> Int { earliests[j] }

    func deadline(_ j: Int) -> Int { deadlines[j] }

    private func computedEarliest(_ j: Int) -> Int {
        let st = world.procedure.steps[j]
        return max(st.after, delay(st.role))
    }

    private func computedDeadline(_ j: Int) -> Int {
        let st = world.procedure.steps[j]
        let e = computedEarliest(j)
        let latest = max(st.within ?? st.after, e)
        guard let g = grace(st.role) else { return latest }
        return min(latest, e + g)
    }

    func honest(_ role: String, _ s: State) -> Bool {
        satisfies(
            role, s, attacker: false, borrow: true, member: { !world.compromised.contains($0) },
            other: (true, world.compromised), contested: false)
    }

    func attacker(_ role: String, _ s: State) -> Bool {
        satisfies(role, s, attacker: true) { world.compromised.contains($0) }
    }
}
