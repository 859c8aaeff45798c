import RecovIR

/// A guard conjunct: the action may run only when `condition` holds.
public struct Require: ActionComponent, Sendable {
    let node: Expr
    /// Requires `condition`.
    public init(_ condition: BoolExpr) { node = condition.node }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.require(node)]) }
}
