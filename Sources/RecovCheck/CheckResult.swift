import RecovIR

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
