/// Voting power (or depositable tokens) of one entity: a fixed amount, or the value of an
/// integer state variable, so that buying, borrowing, delegating or depositing during the
/// incident changes it.
///
/// Wire form: `{"entity":…,"power":30}` or `{"entity":…,"variable":"aliceVotes"}`.
public struct VoteHolding: Hashable, Sendable {
    public var entity: String
    public var amount: Amount

    /// How much an entity holds.
    public enum Amount: Hashable, Sendable {
        /// A fixed amount.
        case fixed(Int)
        /// The current value of an integer state variable.
        case variable(String)
    }

    public init(entity: String, amount: Amount) {
        self.entity = entity
        self.amount = amount
    }

    /// The state variable read, if any.
    public var variable: String? { if case .variable(let v) = amount { return v } else { return nil } }

    /// The amount in `s` (a variable without a value counts 0; the validator rejects unknown names).
    public func value(in s: State) -> Int {
        switch amount {
        case .fixed(let x): return x
        case .variable(let v): return s.ints[v] ?? 0
        }
    }
}

extension VoteHolding: Codable {
    private enum Keys: String, CodingKey { case entity, power, variable }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        entity = try c.decode(String.self, forKey: .entity)
        if let v = try c.decodeIfPresent(String.self, forKey: .variable) {
            amount = .variable(v)
        } else {
            amount = .fixed(try c.decode(Int.self, forKey: .power))
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(entity, forKey: .entity)
        switch amount {
        case .fixed(let x): try c.encode(x, forKey: .power)
        case .variable(let v): try c.encode(v, forKey: .variable)
        }
    }
}
