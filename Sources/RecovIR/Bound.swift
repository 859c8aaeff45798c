/// A declared bound on what a procedure step may do.
///
/// Wire form: `{"kind":…, <the fields of the kind>, "loc":…}` with the fields named as in
/// `Limit`'s cases (`target`, `expr`, `min`, `max`, `amount`, `duration`).
public struct Bound: Hashable, Sendable {
    /// The wire tag of `Limit` (`"kind"` in the IR JSON).
    public enum Kind: String, Codable, Hashable, Sendable {
        /// `target` stays within `min...max` after the step.
        case range
        /// `target` changes by at most `amount` in the step.
        case maxChange
        /// `expr` (e.g. `paused`) is false again at most `duration` seconds after the step.
        case maxDuration
    }

    /// What is bounded, with exactly the fields of its kind.
    public enum Limit: Hashable, Sendable {
        /// `target` stays within `min...max` after the step (either side may be open).
        case range(target: String, min: Int?, max: Int?)
        /// `target` changes by at most `amount` in the step.
        case maxChange(target: String, amount: Int)
        /// `expr` is false again at most `duration` seconds after the step.
        case maxDuration(expr: Expr, duration: Int)

        /// The wire tag.
        public var kind: Kind {
            switch self {
            case .range: return .range
            case .maxChange: return .maxChange
            case .maxDuration: return .maxDuration
            }
        }
    }

    public var limit: Limit
    public var loc: SourceLocation

    public init(_ limit: Limit, loc: SourceLocation) {
        self.limit = limit
        self.loc = loc
    }

    /// The kind of `limit`.
    public var kind: Kind { limit.kind }

    /// The integer variable a `range` or `maxChange` bound is on.
    public var target: String? {
        switch limit {
        case .range(let t, _, _), .maxChange(let t, _): return t
        case .maxDuration: return nil
        }
    }
}

extension Bound: Codable {
    private enum Keys: String, CodingKey { case kind, target, expr, min, max, amount, duration, loc }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .range:
            limit = .range(
                target: try c.decode(String.self, forKey: .target), min: try c.decodeIfPresent(Int.self, forKey: .min),
                max: try c.decodeIfPresent(Int.self, forKey: .max))
        case .maxChange:
            limit = .maxChange(
                target: try c.decode(String.self, forKey: .target), amount: try c.decode(Int.self, forKey: .amount))
        case .maxDuration:
            limit = .maxDuration(
                expr: try c.decode(Expr.self, forKey: .expr), duration: try c.decode(Int.self, forKey: .duration))
        }
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    /// Encodes the fields in the order of `Keys` (the order the wire format has always had).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        switch limit {
        case .range(let t, let lo, let hi):
            try c.encode(t, forKey: .target)
            try c.encodeIfPresent(lo, forKey: .min)
            try c.encodeIfPresent(hi, forKey: .max)
        case .maxChange(let t, let amount):
            try c.encode(t, forKey: .target)
            try c.encode(amount, forKey: .amount)
        case .maxDuration(let e, let d):
            try c.encode(e, forKey: .expr)
            try c.encode(d, forKey: .duration)
        }
        try c.encode(loc, forKey: .loc)
    }
}
