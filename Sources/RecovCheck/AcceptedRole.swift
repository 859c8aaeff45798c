import RecovIR

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
