/// What an effect does: the wire tag of `Effect.Change` (`"kind"` in the IR JSON).
public enum EffectKind: String, Codable, Hashable, Sendable {
    /// `target = value`, or `target[index] = value` for a map.
    case assign
    /// For every account a: `target[a] = value` (value may use `account`).
    case assignAll
    /// Key `key` is now held by `entity`.
    case rotateKey
    /// Role `role`'s threshold becomes `value`.
    case setThreshold
    /// `entity` may now sign with `key`.
    case grant
    /// `entity` may no longer sign with `key` (unless it holds it).
    case revoke
    /// Key `key` is now held by the entity the action's entity parameter `param` names.
    case rotateKeyTo
    /// The entity the action's entity parameter `param` names may now sign with `key`.
    case grantTo
    /// The entity the action's entity parameter `param` names may no longer sign with `key`.
    case revokeFrom
}

/// One state change of an action. All effects of an action read the state before the action.
///
/// Wire form: `{"kind":…, <the fields of the kind>, "loc":…}` with the fields named as in
/// `Change`'s cases (`target`, `index`, `value`, `key`, `entity`, `role`).
public struct Effect: Hashable, Sendable {
    /// The change, with exactly the fields of its kind.
    public var change: Change
    public var loc: SourceLocation

    public init(_ change: Change, loc: SourceLocation) {
        self.change = change
        self.loc = loc
    }

    /// The kind of `change`.
    public var kind: EffectKind { change.kind }

    /// A state change.
    public enum Change: Hashable, Sendable {
        /// `target = value`, or `target[index] = value` for a map.
        case assign(target: String, index: Expr?, value: Expr)
        /// For every account a: `target[a] = value` (value may use `account`).
        case assignAll(target: String, value: Expr)
        /// Key `key` is now held by `entity`.
        case rotateKey(key: String, entity: String)
        /// Role `role`'s threshold becomes `value`.
        case setThreshold(role: String, value: Expr)
        /// `entity` may now sign with `key`.
        case grant(key: String, entity: String)
        /// `entity` may no longer sign with `key` (unless it holds it).
        case revoke(key: String, entity: String)
        /// Key `key` is now held by the entity chosen by the caller: the action's entity parameter `param`.
        case rotateKeyTo(key: String, param: String)
        /// The entity chosen by the caller (entity parameter `param`) may now sign with `key`.
        case grantTo(key: String, param: String)
        /// The entity chosen by the caller (entity parameter `param`) may no longer sign with `key`.
        case revokeFrom(key: String, param: String)

        /// The wire tag.
        public var kind: EffectKind {
            switch self {
            case .assign: return .assign
            case .assignAll: return .assignAll
            case .rotateKey: return .rotateKey
            case .setThreshold: return .setThreshold
            case .grant: return .grant
            case .revoke: return .revoke
            case .rotateKeyTo: return .rotateKeyTo
            case .grantTo: return .grantTo
            case .revokeFrom: return .revokeFrom
            }
        }

        /// What it writes: the state variable (the map's name for a map), the key, or the role.
        public var written: String {
            switch self {
            case .assign(let t, _, _), .assignAll(let t, _): return t
            case .rotateKey(let k, _), .grant(let k, _), .revoke(let k, _), .rotateKeyTo(let k, _), .grantTo(let k, _),
                .revokeFrom(let k, _):
                return k
            case .setThreshold(let r, _): return r
            }
        }
    }
}

extension Effect: Codable {
    private enum Keys: String, CodingKey { case kind, target, index, value, key, entity, role, param, loc }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        func str(_ k: Keys) throws -> String { try c.decode(String.self, forKey: k) }
        func expr(_ k: Keys) throws -> Expr { try c.decode(Expr.self, forKey: k) }
        switch try c.decode(EffectKind.self, forKey: .kind) {
        case .assign:
            change = .assign(
                target: try str(.target), index: try c.decodeIfPresent(Expr.self, forKey: .index),
                value: try expr(.value))
        case .assignAll: change = .assignAll(target: try str(.target), value: try expr(.value))
        case .rotateKey: change = .rotateKey(key: try str(.key), entity: try str(.entity))
        case .setThreshold: change = .setThreshold(role: try str(.role), value: try expr(.value))
        case .grant: change = .grant(key: try str(.key), entity: try str(.entity))
        case .revoke: change = .revoke(key: try str(.key), entity: try str(.entity))
        case .rotateKeyTo: change = .rotateKeyTo(key: try str(.key), param: try str(.param))
        case .grantTo: change = .grantTo(key: try str(.key), param: try str(.param))
        case .revokeFrom: change = .revokeFrom(key: try str(.key), param: try str(.param))
        }
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    /// Encodes the fields in the order of `Keys` (the order the wire format has always had).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        switch change {
        case .assign(let t, let i, let v):
            try c.encode(t, forKey: .target)
            try c.encodeIfPresent(i, forKey: .index)
            try c.encode(v, forKey: .value)
        case .assignAll(let t, let v):
            try c.encode(t, forKey: .target)
            try c.encode(v, forKey: .value)
        case .rotateKey(let k, let e), .grant(let k, let e), .revoke(let k, let e):
            try c.encode(k, forKey: .key)
            try c.encode(e, forKey: .entity)
        case .setThreshold(let r, let v):
            try c.encode(v, forKey: .value)
            try c.encode(r, forKey: .role)
        case .rotateKeyTo(let k, let p), .grantTo(let k, let p), .revokeFrom(let k, let p):
            try c.encode(k, forKey: .key)
            try c.encode(p, forKey: .param)
        }
        try c.encode(loc, forKey: .loc)
    }
}
