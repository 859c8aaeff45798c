import RecovIR

/// What account `a` owns; lowering it through someone else's action is collateral loss.
public struct Claim: ModelComponent, Sendable {
    let node: Assertion
    let redeemable: RedeemableClaim?
    /// Declares the per-account claim.
    public init(file: String = #filePath, line: Int = #line, column: Int = #column, _ claim: (AccountExpr) -> IntExpr) {
        node = Assertion(
            name: "claim", expr: claim(AccountExpr(node: .account)).node,
            loc: SourceLocation(file: file, line: line, column: column))
        redeemable = nil
    }

    private init(redeemable r: RedeemableClaim) {
        node = Assertion(name: "claim", expr: r.expr, loc: r.loc)
        redeemable = r
    }

    /// The claim is what account `a` can redeem from a shared pool: its pro-rata share of
    /// `assets`, `floor(shares[a] * assets / totalShares)`, and 0 while `totalShares <= 0`.
    /// Draining the pool lowers it although `shares[a]` does not change, so a drain is a
    /// `no-collateral-loss` violation ("redeemable value ... fell from 100 to 40").
    /// `totalShares` and `assets` are state expressions that do not mention the account.
    public static func redeemable(
        shares: AccountMap, totalShares: IntExpr, assets: IntExpr,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Claim {
        Claim(
            redeemable: RedeemableClaim(
                shares: shares.name, totalShares: totalShares.node, assets: assets.node,
                loc: SourceLocation(file: file, line: line, column: column)))
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.claim(node, redeemable)]) }
}
