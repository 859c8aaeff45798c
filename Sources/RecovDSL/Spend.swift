import RecovIR

/// Spends `amount` of `limit` in the current window: the action is refused (like a failed
/// `Require`) unless `amount >= 0` and what was spent in the current window plus `amount` is at
/// most the limit's `max`; then it is added to the window's usage. A spend in a later window than
/// the last one starts from 0.
public struct Spend: ActionComponent, Sendable {
    let items: [ActionItem]

    /// Spends `amount` of `limit`.
    public init(
        _ limit: RateLimit, _ amount: IntExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        let loc = SourceLocation(file: file, line: line, column: column)
        let used = limit.used.node
        let window = limit.window.node
        let current = RateLimit.currentWindow(Swift.max(limit.per, 1))
        // What the current window has spent so far: nothing if the last spend was in an earlier one.
        let spent = Expr.apply(.ite, [.apply(.gt, [current, window]), .int(0), used])
        let after = Expr.apply(.add, [spent, amount.node])
        let guardExpr = Expr.apply(
            .and,
            [
                .apply(.ge, [amount.node, .int(0)]),
                .apply(.le, [current, .int(maxLiteralMagnitude)]),  // modeling bound: the window index stays in its range
                .apply(.le, [after, .int(limit.max)]),
            ])
        items = [
            .require(guardExpr),
            .effect(RecovIR.Effect(.assign(target: limit.usedName, index: nil, value: after), loc: loc)),
            .effect(RecovIR.Effect(.assign(target: limit.windowName, index: nil, value: current), loc: loc)),
            .limitUse(LimitUse(name: limit.name, max: limit.max, per: limit.per, loc: loc)),
        ]
    }

    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: items) }
}
