import RecovIR

/// The outcome of one check.
public enum VerdictKind: String, Codable, Sendable, Comparable {
    /// Holds in every reachable state, at every depth: a k-induction proof, re-checked by an
    /// independent solver query (`ProofCheck.swift`). Passes like `holds`.
    case proved
    /// Holds on every trace up to the depth.
    case holds
    /// A replayed counterexample exists.
    case violated
    /// The solver could not decide (timeout, nonlinear arithmetic, ...). Never a pass.
    case unknown
    /// An input problem (including a vacuous check) or an internal error.
    case error
    /// The procedure declares nothing for this property (e.g. no containment budget).
    case notApplicable = "not-applicable"

    private var order: Int {
        switch self {
        case .proved: return -1
        case .holds: return 0
        case .notApplicable: return 1
        case .unknown: return 2
        case .violated: return 3
        case .error: return 4
        }
    }
    public static func < (a: VerdictKind, b: VerdictKind) -> Bool { a.order < b.order }

    /// A pass: `proved` (every depth) or `holds` (up to the depth).
    public var passes: Bool { self == .proved || self == .holds }
}

/// One step of a counterexample trace, in the model's terms: values, not text (renderers word them).
public struct TraceStep: Sendable, Hashable {
    /// The transition taken (nil for the initial state).
    public var transition: Transition?
    /// The entities whose authority the transition used, with their keys or votes.
    public var signers: [Signer]
    /// The state after the transition.
    public var state: State
    /// Where the transition is declared.
    public var location: SourceLocation?

    public init(transition: Transition?, signers: [Signer], state: State, location: SourceLocation?) {
        self.transition = transition
        self.signers = signers
        self.state = state
        self.location = location
    }

    /// Who acted: derived from the transition.
    public var actor: TraceActor { TraceActor(transition) }
}

extension TraceStep: Codable {
    private enum Keys: String, CodingKey { case transition, actor, signers, state, location }

    /// Reads a step; its `actor` text is derived from the transition, so it is not read back.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        transition = try c.decodeIfPresent(Transition.self, forKey: .transition)
        signers = try c.decode([Signer].self, forKey: .signers)
        state = try c.decode(State.self, forKey: .state)
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(transition, forKey: .transition)
        try c.encode(actor.description, forKey: .actor)
        try c.encode(signers, forKey: .signers)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(location, forKey: .location)
    }
}

/// A replay-confirmed counterexample.
public struct Counterexample: Codable, Sendable, Hashable {
    /// One sentence: what was violated.
    public var summary: String
    /// The initial state followed by one entry per transition.
    public var steps: [TraceStep]
    /// The representative account of `no-collateral-loss`, if relevant.
    public var account: Int?
    /// Entities of the violating coalition, for `no-unilateral-control`.
    public var coalition: [String]?
    /// Whether the attacker (the compromised entities, and any borrowed voting power) is in that
    /// coalition; it may be in it alone when nothing is compromised but power can be borrowed.
    public var attacker: Bool?
    /// Where the violated declaration is.
    public var location: SourceLocation
}

/// A privileged role the model accepts being satisfied by one entity (`.allowUnilateral`), with
/// the reason given: every report lists it beside `no-unilateral-control`, so a reader sees what
/// was accepted.
public struct AcceptedRole: Codable, Sendable, Hashable {
    public var role: String
    public var reason: String
    public var location: SourceLocation
    public init(role: String, reason: String, location: SourceLocation) {
        self.role = role
        self.reason = reason
        self.location = location
    }

    /// The roles of `world` that some action or step uses and that are accepted as unilateral, in declaration order.
    public static func of(_ world: World) -> [AcceptedRole] {
        world.privilegedRoles.compactMap { r in
            r.allowUnilateral.map { AcceptedRole(role: r.name, reason: $0, location: r.loc) }
        }
    }

    /// "role 'steward' accepted as held by one entity: <reason>".
    public var sentence: String { "role '\(role)' accepted as held by one entity: \(reason)" }
}

/// The result of checking one property of one procedure.
public struct CheckResult: Codable, Sendable, Hashable {
    public var procedure: String
    public var rule: Rule
    public var verdict: VerdictKind
    /// One line of explanation: why it holds, what was violated, or what went wrong.
    public var message: String
    /// The unrolling depth used.
    public var depth: Int
    public var counterexample: Counterexample?
    /// The worst case found (containment time in seconds, value lost), for budget properties.
    public var worstCase: Int?
    public var budget: Int?
    /// Where to point a reader: the procedure, the step or the declaration concerned.
    public var location: SourceLocation
    /// Wall-clock seconds the check took. Not encoded, so that reports are byte-identical run after run.
    public var seconds: Double
    /// CPU seconds of the check's thread (what `CheckDurations` keeps, to start long checks first).
    /// Not encoded, like `seconds`.
    public var cpuSeconds: Double = 0
    /// Whether the result came from the result cache.
    public var cached: Bool = false
    /// For `proved`: how the proof was obtained and confirmed ("2-induction").
    public var proof: String?
    /// For a proof by an inductive invariant: its lemmas, in the model's terms.
    public var invariant: [String]?
    /// For `no-unilateral-control`: the roles accepted as held by one entity, with their reasons.
    public var acceptedUnilateral: [AcceptedRole]?

    private enum CodingKeys: String, CodingKey {
        case procedure, rule, verdict, message, depth, counterexample, worstCase, budget, location, cached, proof,
            invariant, acceptedUnilateral
    }

    public init(
        procedure: String, rule: Rule, verdict: VerdictKind, message: String, depth: Int,
        counterexample: Counterexample? = nil, worstCase: Int? = nil, budget: Int? = nil,
        location: SourceLocation, seconds: Double = 0
    ) {
        self.procedure = procedure
        self.rule = rule
        self.verdict = verdict
        self.message = message
        self.depth = depth
        self.counterexample = counterexample
        self.worstCase = worstCase
        self.budget = budget
        self.location = location
        self.seconds = seconds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        procedure = try c.decode(String.self, forKey: .procedure)
        rule = try c.decode(Rule.self, forKey: .rule)
        verdict = try c.decode(VerdictKind.self, forKey: .verdict)
        message = try c.decode(String.self, forKey: .message)
        depth = try c.decode(Int.self, forKey: .depth)
        counterexample = try c.decodeIfPresent(Counterexample.self, forKey: .counterexample)
        worstCase = try c.decodeIfPresent(Int.self, forKey: .worstCase)
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
        location = try c.decode(SourceLocation.self, forKey: .location)
        cached = try c.decodeIfPresent(Bool.self, forKey: .cached) ?? false
        proof = try c.decodeIfPresent(String.self, forKey: .proof)
        invariant = try c.decodeIfPresent([String].self, forKey: .invariant)
        acceptedUnilateral = try c.decodeIfPresent([AcceptedRole].self, forKey: .acceptedUnilateral)
        seconds = 0
    }
}
