// RecovDSL's own copy of the IR wire schema (see RecovIR/Program.swift and RecovIR/Expr.swift).
// The DSL depends on nothing but the standard library, so it builds these plain node values and
// writes the JSON by hand.

/// A JSON value with ordered object keys.
enum JSON: Sendable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case bool(Bool)

    /// Renders compact JSON.
    func render(into out: inout String) {
        switch self {
        case .int(let v): out += String(v)
        case .bool(let v): out += v ? "true" : "false"
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSON.escape(k, into: &out)
                out += ":"
                v.render(into: &out)
            }
            out += "}"
        }
    }

    var rendered: String {
        var s = ""
        render(into: &s)
        return s
    }

    static let hexDigits: [Character] = Array("0123456789abcdef")

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let v = Int(scalar.value)
                    out += "\\u00"
                    out.append(hexDigits[v >> 4])
                    out.append(hexDigits[v & 0xF])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Builds a JSON object, skipping absent optionals.
struct ObjectBuilder {
    var pairs: [(String, JSON)] = []
    mutating func add(_ key: String, _ value: JSON) { pairs.append((key, value)) }
    mutating func add(_ key: String, _ value: JSON?) { if let value { pairs.append((key, value)) } }
    mutating func add(_ key: String, _ value: String?) { if let value { pairs.append((key, .string(value))) } }
    mutating func add(_ key: String, _ value: Int?) { if let value { pairs.append((key, .int(value))) } }
    var json: JSON { .object(pairs) }
}

/// A source position (`SourceLocation` on the wire).
struct Loc: Sendable, Equatable {
    var file: String
    var line: Int
    var column: Int
    static let unknown = Loc(file: "<unknown>", line: 0, column: 0)
    var json: JSON { .object([("file", .string(file)), ("line", .int(line)), ("column", .int(column))]) }
    var description: String { "\(file):\(line):\(column)" }
}

/// A problem the DSL itself can see while building nodes.
struct Diag: Sendable {
    var loc: Loc
    var message: String
    var json: JSON {
        .object([("file", .string(loc.file)), ("line", .int(loc.line)), ("column", .int(loc.column)),
                 ("message", .string(message))])
    }
}

/// An expression node (`Expr` on the wire).
indirect enum ENode: Sendable {
    case int(Int)
    case bool(Bool)
    case variable(String)
    case now
    case param(String)
    case account
    case select(String, ENode)
    case apply(String, [ENode])

    var json: JSON {
        switch self {
        case .int(let v): return .object([("op", .string("int")), ("value", .int(v))])
        case .bool(let v): return .object([("op", .string("bool")), ("value", .bool(v))])
        case .variable(let n): return .object([("op", .string("var")), ("name", .string(n))])
        case .now: return .object([("op", .string("now"))])
        case .param(let n): return .object([("op", .string("param")), ("name", .string(n))])
        case .account: return .object([("op", .string("account"))])
        case .select(let m, let i):
            return .object([("op", .string("select")), ("name", .string(m)), ("args", .array([i.json]))])
        case .apply(let op, let args):
            return .object([("op", .string(op)), ("args", .array(args.map(\.json)))])
        }
    }
}

/// A state variable declaration (`StateVar`).
struct StateDecl: Sendable {
    var name: String
    var type: String
    var min: Int?
    var max: Int?
    var initial: ENode?
    var loc: Loc
    var json: JSON {
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("type", .string(type))
        o.add("min", min); o.add("max", max); o.add("initial", initial?.json); o.add("loc", loc.json)
        return o.json
    }
}

/// A named predicate (`Assertion`).
struct AssertionNode: Sendable {
    var name: String
    var expr: ENode
    var loc: Loc
    var json: JSON { .object([("name", .string(name)), ("expr", expr.json), ("loc", loc.json)]) }
}

/// `Param`.
struct ParamNode: Sendable {
    var name: String
    var type: String
    var min: Int?
    var max: Int?
    var loc: Loc
    var json: JSON {
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("type", .string(type)); o.add("min", min); o.add("max", max)
        o.add("loc", loc.json)
        return o.json
    }
}

/// `Effect`.
struct EffectNode: Sendable {
    var kind: String
    var target: String? = nil
    var index: ENode? = nil
    var value: ENode? = nil
    var key: String? = nil
    var entity: String? = nil
    var role: String? = nil
    var loc: Loc
    var json: JSON {
        var o = ObjectBuilder()
        o.add("kind", .string(kind)); o.add("target", target); o.add("index", index?.json)
        o.add("value", value?.json); o.add("key", key); o.add("entity", entity); o.add("role", role)
        o.add("loc", loc.json)
        return o.json
    }
}

/// `Action`.
struct ActionNode: Sendable {
    var name: String
    var by: [String] = []
    var user: Bool = false
    var params: [ParamNode] = []
    var guards: [ENode] = []
    var effects: [EffectNode] = []
    var allowedReduction: ENode? = nil
    var live: ENode? = nil
    var loc: Loc
    var diags: [Diag] = []
    /// The roles of `by:` as given at the declaration (checked against `Roles(...)`, not emitted).
    var roleUses: [RoleUse] = []

    var guardNode: ENode {
        guard var g = guards.first else { return .bool(true) }
        for next in guards.dropFirst() { g = .apply("and", [g, next]) }
        return g
    }

    var json: JSON {
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("by", .array(by.map { .string($0) })); o.add("user", .bool(user))
        o.add("params", .array(params.map(\.json))); o.add("guard", guardNode.json)
        o.add("effects", .array(effects.map(\.json))); o.add("allowedReduction", allowedReduction?.json)
        o.add("live", live?.json); o.add("loc", loc.json)
        return o.json
    }
}

/// `Role` (its wire fields besides name and loc).
struct RoleNode: Sendable {
    var kind: String
    var keys: [String]? = nil
    var threshold: Int? = nil
    var role: String? = nil
    var minDelay: Int? = nil
    var maxDelay: Int? = nil
    var grace: Int? = nil
    var vetoBy: String? = nil
    var powers: [(String, Int)]? = nil
    var quorum: Fraction? = nil
    var supermajority: Fraction? = nil
    var measuredAt: String? = nil
    var roles: [String]? = nil
    var allowUnilateral: String? = nil

    func json(name: String, loc: Loc) -> JSON {
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("kind", .string(kind))
        o.add("keys", keys.map { .array($0.map { .string($0) }) })
        o.add("threshold", threshold); o.add("role", role); o.add("minDelay", minDelay)
        o.add("maxDelay", maxDelay); o.add("grace", grace); o.add("vetoBy", vetoBy)
        o.add("powers", powers.map { .array($0.map { .object([("entity", .string($0.0)), ("power", .int($0.1))]) }) })
        o.add("quorum", quorum?.json); o.add("supermajority", supermajority?.json)
        o.add("measuredAt", measuredAt); o.add("roles", roles.map { .array($0.map { .string($0) }) })
        o.add("allowUnilateral", allowUnilateral); o.add("loc", loc.json)
        return o.json
    }
}

/// `Bound`.
struct BoundNode: Sendable {
    var kind: String
    var target: String? = nil
    var expr: ENode? = nil
    var min: Int? = nil
    var max: Int? = nil
    var amount: Int? = nil
    var duration: Int? = nil
    var loc: Loc
    var json: JSON {
        var o = ObjectBuilder()
        o.add("kind", .string(kind)); o.add("target", target); o.add("expr", expr?.json)
        o.add("min", min); o.add("max", max); o.add("amount", amount); o.add("duration", duration)
        o.add("loc", loc.json)
        return o.json
    }
}

/// `Step`.
struct StepNode: Sendable {
    var name: String
    var action: String
    var role: String
    var args: [(String, ENode)]
    var after: Int
    var within: Int?
    var writes: [String] = []
    var bounds: [BoundNode] = []
    var loc: Loc
    var json: JSON {
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("action", .string(action)); o.add("role", .string(role))
        o.add("args", .array(args.map { .object([("name", .string($0.0)), ("value", $0.1.json)]) }))
        o.add("after", .int(after)); o.add("within", within)
        o.add("writes", .array(writes.map { .string($0) })); o.add("bounds", .array(bounds.map(\.json)))
        o.add("loc", loc.json)
        return o.json
    }
}
