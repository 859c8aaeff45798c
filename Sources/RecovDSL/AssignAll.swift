import RecovIR

/// For every account `a`: `map[a] = value(a)` (a map-wide effect, e.g. a migration).
public struct AssignAll: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Assigns every account's entry of `map`.
    public init(
        _ map: AccountMap, file: String = #filePath, line: Int = #line, column: Int = #column,
        _ value: (AccountExpr) -> IntExpr
    ) {
        effect = RecovIR.Effect(
            .assignAll(target: map.name, value: value(AccountExpr(node: .account)).node),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}
