import RecovIR

/// Something a step may write: a state variable (`Flag`, `IntVar`, `AccountMap`), a `Key`
/// (rotation, grant, revoke) or a `Role` (threshold change).
public protocol WriteTarget {
    /// The name written, or nil when this is not a declared variable, key or role.
    var writeTargetName: String? { get }
}

extension StateReference {
    /// The declared variable's name.
    public var writeTargetName: String? { stateReference.decl?.name }
}

extension IntExpr: WriteTarget {}

extension BoolExpr: WriteTarget {}

extension AccountMap: WriteTarget {}

extension Key: WriteTarget {
    /// The key's name: changing its holder or its allowlist is a write to it.
    public var writeTargetName: String? { name }
}

extension Role: WriteTarget {
    /// The role's name: changing its threshold is a write to it.
    public var writeTargetName: String? { name }
}
