/// A claim that is what an account can redeem from a shared pool: its pro-rata share of the
/// pool's assets, `floor(shares[a] · assets / totalShares)`, and 0 when `totalShares <= 0`.
///
/// A model that declares one also has `claim.expr == expr`, so every rule, the evaluator and
/// the solver see one claim; this form only adds the parts a counterexample names.
/// Wire form: `{"shares":"shares","totalShares":<expr>,"assets":<expr>,"loc":...}`.
public struct RedeemableClaim: Codable, Hashable, Sendable {
    /// The account map of shares.
    public var shares: String
    /// All shares outstanding (a state expression without the account).
    public var totalShares: Expr
    /// The pool's assets that back the shares (a state expression without the account).
    public var assets: Expr
    public var loc: SourceLocation

    public init(shares: String, totalShares: Expr, assets: Expr, loc: SourceLocation) {
        self.shares = shares
        self.totalShares = totalShares
        self.assets = assets
        self.loc = loc
    }

    /// The claim expression this form stands for. Multiplying before dividing keeps the rounding
    /// to one floor at the end (dividing first would round every share's value to 0).
    public var expr: Expr {
        .apply(
            .ite,
            [
                .apply(.gt, [totalShares, .int(0)]),
                .apply(.div, [.apply(.mul, [.select(shares, .account), assets]), totalShares]),
                .int(0),
            ])
    }
}
