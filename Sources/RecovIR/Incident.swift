/// What the adversary can do in one scenario.
public struct Incident: Codable, Hashable, Sendable {
    public var name: String
    public var model: String
    /// Entities whose keys the attacker holds; together with the attacker they count as one entity.
    public var compromised: [String]
    /// Entities that may act alone outside the procedure with their own authority (`Insider`):
    /// honest for the procedure and for `no-unilateral-control`, not part of the attacker.
    public var insiders: [InsiderEntity]
    /// Attack actions, callable by the attacker while their `live` condition holds.
    public var attacks: [Action]
    public var oracles: [OracleMove]
    public var borrowable: [BorrowablePower]
    public var assumptions: [Assertion]
    public var loc: SourceLocation

    public init(name: String, model: String, loc: SourceLocation) {
        self.name = name
        self.model = model
        self.compromised = []
        self.insiders = []
        self.attacks = []
        self.oracles = []
        self.borrowable = []
        self.assumptions = []
        self.loc = loc
    }

    private enum CodingKeys: String, CodingKey {
        case name, model, compromised, insiders, attacks, oracles, borrowable, assumptions, loc
    }

    // `insiders` is optional on the wire: IR written before it decodes as before, and an incident
    // without insiders encodes exactly as before.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        model = try c.decode(String.self, forKey: .model)
        compromised = try c.decode([String].self, forKey: .compromised)
        insiders = try c.decodeIfPresent([InsiderEntity].self, forKey: .insiders) ?? []
        attacks = try c.decode([Action].self, forKey: .attacks)
        oracles = try c.decode([OracleMove].self, forKey: .oracles)
        borrowable = try c.decode([BorrowablePower].self, forKey: .borrowable)
        assumptions = try c.decode([Assertion].self, forKey: .assumptions)
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(model, forKey: .model)
        try c.encode(compromised, forKey: .compromised)
        if !insiders.isEmpty { try c.encode(insiders, forKey: .insiders) }
        try c.encode(attacks, forKey: .attacks)
        try c.encode(oracles, forKey: .oracles)
        try c.encode(borrowable, forKey: .borrowable)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(loc, forKey: .loc)
    }
}
