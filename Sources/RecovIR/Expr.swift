/// A symbolic expression over protocol state, action parameters and the clock.
///
/// Wire form (JSON), shared with RecovDSL's writer:
/// `{"op":"int","value":5}`, `{"op":"bool","value":true}`, `{"op":"var","name":"paused"}`,
/// `{"op":"now"}`, `{"op":"param","name":"amount"}`, `{"op":"account"}` (the account a
/// claim or map-wide effect ranges over), `{"op":"select","name":"collateral","args":[index]}`,
/// and operators `{"op":"add","args":[a,b]}` for every `Op`.
public indirect enum Expr: Hashable, Sendable {
    case int(Int)
    case bool(Bool)
    /// A scalar state variable (integer or flag).
    case variable(String)
    /// The protocol clock, in seconds.
    case now
    /// An action parameter, or `caller` for the calling user account.
    case param(String)
    /// The account bound by a claim or a map-wide effect.
    case account
    /// `map[index]` for a per-account state variable.
    case select(String, Expr)
    case apply(Op, [Expr])

    public static func && (a: Expr, b: Expr) -> Expr { .apply(.and, [a, b]) }
    public static func || (a: Expr, b: Expr) -> Expr { .apply(.or, [a, b]) }
    public static prefix func ! (a: Expr) -> Expr { .apply(.not, [a]) }

    /// Calls `visit` on this node and every node below it.
    public func forEach(_ visit: (Expr) -> Void) {
        visit(self)
        switch self {
        case .select(_, let i): i.forEach(visit)
        case .apply(_, let args): for a in args { a.forEach(visit) }
        default: break
        }
    }

    /// Replaces nodes bottom-up.
    public func rewritten(_ f: (Expr) -> Expr?) -> Expr {
        let inner: Expr
        switch self {
        case .select(let m, let i): inner = .select(m, i.rewritten(f))
        case .apply(let op, let args): inner = .apply(op, args.map { $0.rewritten(f) })
        default: inner = self
        }
        return f(inner) ?? inner
    }

    /// Depth of the expression tree.
    public var depth: Int {
        switch self {
        case .select(_, let i): return 1 + i.depth
        case .apply(_, let args): return 1 + (args.map(\.depth).max() ?? 0)
        default: return 1
        }
    }
}

extension Expr: Codable {
    private enum Keys: String, CodingKey { case op, value, name, args }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let op = try c.decode(String.self, forKey: .op)
        switch op {
        case "int": self = .int(try c.decode(Int.self, forKey: .value))
        case "bool": self = .bool(try c.decode(Bool.self, forKey: .value))
        case "var": self = .variable(try c.decode(String.self, forKey: .name))
        case "now": self = .now
        case "param": self = .param(try c.decode(String.self, forKey: .name))
        case "account": self = .account
        case "select":
            let args = try c.decode([Expr].self, forKey: .args)
            guard args.count == 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .args, in: c, debugDescription: "select takes exactly one index")
            }
            self = .select(try c.decode(String.self, forKey: .name), args[0])
        default:
            guard let o = Op(rawValue: op) else {
                throw DecodingError.dataCorruptedError(forKey: .op, in: c, debugDescription: "unknown operator '\(op)'")
            }
            self = .apply(o, try c.decode([Expr].self, forKey: .args))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .int(let v):
            try c.encode("int", forKey: .op)
            try c.encode(v, forKey: .value)
        case .bool(let v):
            try c.encode("bool", forKey: .op)
            try c.encode(v, forKey: .value)
        case .variable(let n):
            try c.encode("var", forKey: .op)
            try c.encode(n, forKey: .name)
        case .now: try c.encode("now", forKey: .op)
        case .param(let n):
            try c.encode("param", forKey: .op)
            try c.encode(n, forKey: .name)
        case .account: try c.encode("account", forKey: .op)
        case .select(let m, let i):
            try c.encode("select", forKey: .op)
            try c.encode(m, forKey: .name)
            try c.encode([i], forKey: .args)
        case .apply(let op, let args):
            try c.encode(op.rawValue, forKey: .op)
            try c.encode(args, forKey: .args)
        }
    }
}

extension Expr: CustomStringConvertible {
    /// A readable infix rendering, used in messages and counterexamples.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .bool(let v): return String(v)
        case .variable(let n): return n
        case .now: return "now"
        case .param(let n): return n
        case .account: return "a"
        case .select(let m, let i): return "\(m)[\(i)]"
        case .apply(let op, let a):
            func bin(_ s: String) -> String { "(\(a[0]) \(s) \(a[1]))" }
            switch op {
            case .add: return bin("+")
            case .sub: return bin("-")
            case .mul: return bin("*")
            case .div: return bin("/")
            case .mod: return bin("%")
            case .neg: return "-\(a[0])"
            case .eq: return bin("==")
            case .ne: return bin("!=")
            case .lt: return bin("<")
            case .le: return bin("<=")
            case .gt: return bin(">")
            case .ge: return bin(">=")
            case .and: return "(" + a.map(\.description).joined(separator: " && ") + ")"
            case .or: return "(" + a.map(\.description).joined(separator: " || ") + ")"
            case .not: return "!\(a[0])"
            case .implies: return bin("=>")
            case .ite: return "(\(a[0]) ? \(a[1]) : \(a[2]))"
            case .min: return "min(\(a[0]), \(a[1]))"
            case .max: return "max(\(a[0]), \(a[1]))"
            }
        }
    }
}
