/// A concrete value: an integer (also used for account ids) or a boolean.
public enum Value: Hashable, Sendable, Codable, CustomStringConvertible {
    case int(Int)
    case bool(Bool)

    public var intValue: Int? { if case .int(let v) = self { return v } else { return nil } }
    public var boolValue: Bool? { if case .bool(let v) = self { return v } else { return nil } }

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .bool(let v): return String(v)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) } else { self = .int(try c.decode(Int.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .bool(let v): try c.encode(v)
        }
    }
}
