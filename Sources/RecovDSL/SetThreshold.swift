import RecovIR

/// Role `role`'s threshold becomes `value`.
public struct SetThreshold: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Sets `role`'s threshold.
    public init(_ role: Role, _ value: IntExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .setThreshold(role: role.name, value: value.node),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}
