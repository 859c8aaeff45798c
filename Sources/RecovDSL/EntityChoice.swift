import RecovIR

/// An entity chosen by an action's caller: `ctx.entity("newHolder")`.
public struct EntityChoice: Sendable {
    /// The parameter's name.
    public let name: String
}
