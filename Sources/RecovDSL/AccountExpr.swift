import RecovIR

/// An account id: the calling user, an account parameter, or the account a claim ranges over.
public struct AccountExpr: Sendable {
    let node: Expr
    init(node: Expr) { self.node = node }

    /// The same account.
    public static func == (a: AccountExpr, b: AccountExpr) -> BoolExpr {
        BoolExpr(node: .apply(.eq, [a.node, b.node]))
    }
    /// Different accounts.
    public static func != (a: AccountExpr, b: AccountExpr) -> BoolExpr {
        BoolExpr(node: .apply(.ne, [a.node, b.node]))
    }
}
