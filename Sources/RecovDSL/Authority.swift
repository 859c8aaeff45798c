// Entities, keys and roles: handles usable as references, or as declarations in a model.

/// A person, firm or DAO. `Entity.named("Alice")` refers to an entity declared elsewhere.
public struct Entity: Sendable {
    /// The entity's name.
    public let name: String
    let loc: Loc
    let isDeclaration: Bool

    /// Declares an entity.
    public init(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.name = name; self.loc = Loc(file: file, line: line, column: column); self.isDeclaration = true
    }

    init(reference name: String) {
        self.name = name; self.loc = .unknown; self.isDeclaration = false
    }

    /// A reference to an entity declared elsewhere, by name (not a declaration).
    public static func named(_ name: String) -> Entity { Entity(reference: name) }
}

/// A signing key and the entity that holds it. A string literal is a reference to a key by name.
public struct Key: ExpressibleByStringLiteral, Sendable {
    /// The key's name.
    public let name: String
    /// The holder's name (empty for a reference).
    public let holder: String
    let loc: Loc
    let isDeclaration: Bool

    /// Declares a key held by `holder`.
    public init(_ name: String, heldBy holder: Entity,
                file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.name = name; self.holder = holder.name
        self.loc = Loc(file: file, line: line, column: column); self.isDeclaration = true
    }

    /// A reference to a key declared elsewhere, by name.
    public init(stringLiteral name: String) {
        self.name = name; self.holder = ""; self.loc = .unknown; self.isDeclaration = false
    }
}

/// A rational number `num/den`, for quorums and supermajorities.
public struct Fraction: Sendable {
    /// Numerator.
    public let num: Int
    /// Denominator.
    public let den: Int
    /// The fraction `num/den`.
    public init(_ num: Int, _ den: Int) { self.num = num; self.den = den }
    var json: JSON { .object([("num", .int(num)), ("den", .int(den))]) }
}

/// When governance voting power is measured.
public enum PowerMeasurement: String, Sendable {
    /// At a snapshot taken before the proposal: power borrowed later does not count.
    case snapshot
    /// At execution time: power borrowed within the executing block counts.
    case execution
}

/// A named authority: who must sign for a privileged action.
///
/// Declare one with `Role.multisig`, `Role.timelock`, `Role.governance`, `Role.key`,
/// `Role.anyone` or `Role.allOf`. Wherever a role is expected, a string literal refers to a role
/// by name instead (unknown names are reported by the checker at the use's location).
public struct Role: ExpressibleByStringLiteral, Sendable {
    /// The role's name.
    public let name: String
    let node: RoleNode?
    let loc: Loc

    init(name: String, node: RoleNode?, loc: Loc) { self.name = name; self.node = node; self.loc = loc }

    /// A reference to a role by name.
    public init(stringLiteral name: String) { self.init(name: name, node: nil, loc: .unknown) }

    /// A reference to a role by name.
    public init(named name: String) { self.init(name: name, node: nil, loc: .unknown) }

    /// One key signs.
    public static func key(_ name: String, _ key: Key,
                           file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name, node: RoleNode(kind: "key", keys: [key.name]),
             loc: Loc(file: file, line: line, column: column))
    }

    /// Anyone may act: not privileged.
    public static func anyone(_ name: String,
                              file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name, node: RoleNode(kind: "anyone"), loc: Loc(file: file, line: line, column: column))
    }

    /// `threshold` of `keys` sign.
    public static func multisig(_ name: String, threshold: Int, of keys: [Key],
                                file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name, node: RoleNode(kind: "multisig", keys: keys.map(\.name), threshold: threshold),
             loc: Loc(file: file, line: line, column: column))
    }

    /// The inner `role` queues the action, which runs at least `minDelay` seconds later (delays add
    /// up when `role` is itself delayed) and, with a `grace` period, at most `grace` seconds after
    /// it became executable: a queued step not run by then expires, and the procedure is blocked.
    /// `vetoBy` may cancel.
    public static func timelock(_ name: String, role: Role, minDelay: Int,
                                grace: Int? = nil, vetoBy: Role? = nil,
                                file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name, node: RoleNode(kind: "timelock", role: role.name, minDelay: minDelay, maxDelay: nil,
                                        grace: grace, vetoBy: vetoBy?.name),
             loc: Loc(file: file, line: line, column: column))
    }

    /// Not supported: a timelock's delay is its `minDelay` and no action can change it, so a
    /// maximum delay would have no effect. Rejected at compile time rather than silently ignored.
    @available(*, unavailable, message: "maxDelay has no effect: a timelock's delay is its minDelay and no action changes it; remove maxDelay")
    public static func timelock(_ name: String, role: Role, minDelay: Int, maxDelay: Int,
                                grace: Int? = nil, vetoBy: Role? = nil,
                                file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        fatalError("unavailable")
    }

    /// Token governance: `supermajority` of all voting power must approve, with an optional `quorum`.
    public static func governance(_ name: String, powers: KeyValuePairs<Entity, Int>, supermajority: Fraction,
                                  quorum: Fraction? = nil, measuredAt: PowerMeasurement = .snapshot,
                                  file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name,
             node: RoleNode(kind: "governance", powers: powers.map { ($0.key.name, $0.value) }, quorum: quorum,
                            supermajority: supermajority, measuredAt: measuredAt.rawValue),
             loc: Loc(file: file, line: line, column: column))
    }

    /// Every one of `roles` must approve.
    public static func allOf(_ name: String, _ roles: [Role],
                             file: String = #filePath, line: Int = #line, column: Int = #column) -> Role {
        Role(name: name, node: RoleNode(kind: "allOf", roles: roles.map(\.name)),
             loc: Loc(file: file, line: line, column: column))
    }

    /// Accepts one entity satisfying this role, for the reason given (exempts it from `no-unilateral-control`).
    public func allowUnilateral(_ reason: String) -> Role {
        var n = node
        n?.allowUnilateral = reason
        return Role(name: name, node: n, loc: loc)
    }
}
