import RecovIR

/// When `condition(a)` holds, this action may lower account `a`'s claim (e.g. liquidating an unhealthy position).
public struct AllowReduction: ActionComponent, Sendable {
    let node: Expr
    /// Allows reducing the claim of the accounts satisfying `condition`.
    public init(_ condition: (AccountExpr) -> BoolExpr) { node = condition(AccountExpr(node: .account)).node }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.allowReduction(node)]) }
}
