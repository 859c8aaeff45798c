/// A named authority: who must sign for a privileged action.
///
/// Wire form: `{"name":…,"kind":…, <the fields of the kind>, "allowUnilateral":…?, "loc":…}`
/// with the kind's fields named as in `Rule`'s cases (`keys`, `threshold`, `role`, `minDelay`,
/// `grace`, `vetoBy`, `powers`, `quorum`, `supermajority`, `measuredAt`, `roles`). Defaults of
/// fields the wire may omit are applied here, once, when decoding.
public struct Role: Hashable, Sendable {
    public var name: String
    /// How the role is satisfied, with exactly the fields of its kind.
    public var rule: Rule
    /// When set, one entity satisfying this role is accepted, for the reason given.
    public var allowUnilateral: String?
    /// The smallest coalition of entities allowed to satisfy this role; nil: the model's `MinCoalition`.
    public var minCoalition: Int?
    public var loc: SourceLocation

    public init(name: String, rule: Rule, allowUnilateral: String? = nil, minCoalition: Int? = nil, loc: SourceLocation)
    {
        self.name = name
        self.rule = rule
        self.allowUnilateral = allowUnilateral
        self.minCoalition = minCoalition
        self.loc = loc
    }

    /// The kind of `rule`.
    public var kind: RoleKind { rule.kind }

    /// Whether the role is privileged: not open to `anyone`.
    public var isPrivileged: Bool { kind != .anyone }

    /// How a role is satisfied.
    public enum Rule: Hashable, Sendable {
        /// Anyone may act: not privileged.
        case anyone
        /// The one key signs.
        case key(String)
        /// `threshold` of `keys` sign (the threshold an action may change: `State.thresholds`).
        case multisig(keys: [String], threshold: Int)
        /// The inner role queues, the action runs after a delay.
        case timelock(Timelock)
        /// Token governance.
        case governance(Governance)
        /// Every one of the roles must approve.
        case allOf([String])
        /// A Governor vote (`Role.Governor`).
        case governor(Governor)
        /// An emergency shutdown module (`Role.ShutdownModule`).
        case shutdownModule(ShutdownModule)

        /// The wire tag.
        public var kind: RoleKind {
            switch self {
            case .anyone: return .anyone
            case .key: return .key
            case .multisig: return .multisig
            case .timelock: return .timelock
            case .governance: return .governance
            case .allOf: return .allOf
            case .governor: return .governor
            case .shutdownModule: return .shutdownModule
            }
        }

        /// The keys that sign for this role (a key role's key, a multisig's keys); none for others.
        public var signingKeys: [String] {
            switch self {
            case .key(let k): return [k]
            case .multisig(let keys, _): return keys
            default: return []
            }
        }

        /// The integer state variables that decide who satisfies this role (voting power and
        /// deposits as state); none for roles of keys, thresholds and fixed power.
        public var stateReads: [String] {
            switch self {
            case .governor(let g): return g.votes.compactMap(\.variable)
            case .shutdownModule(let m): return [m.deposited] + m.holdings.compactMap(\.variable)
            default: return []
            }
        }

        /// The roles this one is built on (a timelock's inner and veto roles, an `allOf`'s roles).
        public var referencedRoles: [String] {
            switch self {
            case .timelock(let t): return [t.role] + (t.vetoBy.map { [$0] } ?? [])
            case .allOf(let rs): return rs
            default: return []
            }
        }
    }

    /// A timelock: `role` queues the action, which runs `minDelay` seconds later at the earliest
    /// (plus `role`'s own delay) and, with a `grace`, at most `grace` seconds after it became
    /// executable; `vetoBy` may cancel it.
    public struct Timelock: Hashable, Sendable {
        public var role: String
        /// Seconds; 0 when the wire omits it.
        public var minDelay: Int
        /// Not supported (the validator rejects it): the delay is `minDelay` and no action changes it.
        public var maxDelay: Int?
        public var grace: Int?
        public var vetoBy: String?
        public init(role: String, minDelay: Int = 0, maxDelay: Int? = nil, grace: Int? = nil, vetoBy: String? = nil) {
            self.role = role
            self.minDelay = minDelay
            self.maxDelay = maxDelay
            self.grace = grace
            self.vetoBy = vetoBy
        }
    }

    /// Token governance: `supermajority` of all voting power `powers` must approve, and at least
    /// `quorum` of it when one is set; power is counted at `measuredAt`.
    public struct Governance: Hashable, Sendable {
        public var powers: [VotingPower]
        public var supermajority: Fraction
        public var quorum: Fraction?
        /// `.execution` when the wire omits it.
        public var measuredAt: PowerMeasurement
        public init(
            powers: [VotingPower], supermajority: Fraction, quorum: Fraction? = nil,
            measuredAt: PowerMeasurement = .execution
        ) {
            self.powers = powers
            self.supermajority = supermajority
            self.quorum = quorum
            self.measuredAt = measuredAt
        }
    }
}

extension Role: Codable {
    private enum Keys: String, CodingKey {
        case name, kind, keys, threshold, role, minDelay, maxDelay, grace, vetoBy, powers, quorum, supermajority,
            measuredAt, roles, allowUnilateral, minCoalition, votes, quorumCounts, proposalThreshold, votingDelay,
            votingPeriod, abstaining, opposing, deposited, holdings, loc
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        name = try c.decode(String.self, forKey: .name)
        switch try c.decode(RoleKind.self, forKey: .kind) {
        case .anyone: rule = .anyone
        case .key:
            let keys = try c.decode([String].self, forKey: .keys)
            guard keys.count == 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .keys, in: c, debugDescription: "a key role names exactly one key")
            }
            rule = .key(keys[0])
        case .multisig:
            rule = .multisig(
                keys: try c.decode([String].self, forKey: .keys), threshold: try c.decode(Int.self, forKey: .threshold))
        case .timelock:
            rule = .timelock(
                Timelock(
                    role: try c.decode(String.self, forKey: .role),
                    minDelay: try c.decodeIfPresent(Int.self, forKey: .minDelay) ?? 0,
                    maxDelay: try c.decodeIfPresent(Int.self, forKey: .maxDelay),
                    grace: try c.decodeIfPresent(Int.self, forKey: .grace),
                    vetoBy: try c.decodeIfPresent(String.self, forKey: .vetoBy)))
        case .governance:
            rule = .governance(
                Governance(
                    powers: try c.decode([VotingPower].self, forKey: .powers),
                    supermajority: try c.decode(Fraction.self, forKey: .supermajority),
                    quorum: try c.decodeIfPresent(Fraction.self, forKey: .quorum),
                    measuredAt: try c.decodeIfPresent(PowerMeasurement.self, forKey: .measuredAt) ?? .execution))
        case .allOf: rule = .allOf(try c.decode([String].self, forKey: .roles))
        case .governor:
            rule = .governor(
                Governor(
                    votes: try c.decode([VoteHolding].self, forKey: .votes),
                    quorum: try c.decode(Int.self, forKey: .quorum),
                    quorumCounts: try c.decodeIfPresent(QuorumCounting.self, forKey: .quorumCounts) ?? .forVotes,
                    proposalThreshold: try c.decodeIfPresent(Int.self, forKey: .proposalThreshold) ?? 0,
                    votingDelay: try c.decodeIfPresent(Int.self, forKey: .votingDelay) ?? 0,
                    votingPeriod: try c.decodeIfPresent(Int.self, forKey: .votingPeriod) ?? 0,
                    abstaining: try c.decodeIfPresent([String].self, forKey: .abstaining) ?? [],
                    opposing: try c.decodeIfPresent([String].self, forKey: .opposing) ?? [],
                    measuredAt: try c.decodeIfPresent(PowerMeasurement.self, forKey: .measuredAt) ?? .snapshot))
        case .shutdownModule:
            rule = .shutdownModule(
                ShutdownModule(
                    deposited: try c.decode(String.self, forKey: .deposited),
                    threshold: try c.decode(Int.self, forKey: .threshold),
                    holdings: try c.decode([VoteHolding].self, forKey: .holdings)))
        }
        allowUnilateral = try c.decodeIfPresent(String.self, forKey: .allowUnilateral)
        minCoalition = try c.decodeIfPresent(Int.self, forKey: .minCoalition)
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    /// Encodes the fields in the order of `Keys` (the order the wire format has always had).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        switch rule {
        case .anyone: break
        case .key(let k): try c.encode([k], forKey: .keys)
        case .multisig(let keys, let threshold):
            try c.encode(keys, forKey: .keys)
            try c.encode(threshold, forKey: .threshold)
        case .timelock(let t):
            try c.encode(t.role, forKey: .role)
            try c.encode(t.minDelay, forKey: .minDelay)
            try c.encodeIfPresent(t.maxDelay, forKey: .maxDelay)
            try c.encodeIfPresent(t.grace, forKey: .grace)
            try c.encodeIfPresent(t.vetoBy, forKey: .vetoBy)
        case .governance(let g):
            try c.encode(g.powers, forKey: .powers)
            try c.encodeIfPresent(g.quorum, forKey: .quorum)
            try c.encode(g.supermajority, forKey: .supermajority)
            try c.encode(g.measuredAt, forKey: .measuredAt)
        case .allOf(let rs): try c.encode(rs, forKey: .roles)
        case .governor(let g):
            try c.encode(g.votes, forKey: .votes)
            try c.encode(g.quorum, forKey: .quorum)
            try c.encode(g.quorumCounts, forKey: .quorumCounts)
            try c.encode(g.proposalThreshold, forKey: .proposalThreshold)
            try c.encode(g.votingDelay, forKey: .votingDelay)
            try c.encode(g.votingPeriod, forKey: .votingPeriod)
            try c.encode(g.abstaining, forKey: .abstaining)
            try c.encode(g.opposing, forKey: .opposing)
            try c.encode(g.measuredAt, forKey: .measuredAt)
        case .shutdownModule(let m):
            try c.encode(m.deposited, forKey: .deposited)
            try c.encode(m.threshold, forKey: .threshold)
            try c.encode(m.holdings, forKey: .holdings)
        }
        try c.encodeIfPresent(allowUnilateral, forKey: .allowUnilateral)
        try c.encodeIfPresent(minCoalition, forKey: .minCoalition)
        try c.encode(loc, forKey: .loc)
    }
}
