import RecovIR

/// Key `key` is now held by `entity`.
public struct RotateKey: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Rotates `key` to `entity`.
    public init(_ key: Key, to entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .rotateKey(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

extension RotateKey {
    /// Rotates `key` to the entity the caller chooses (`ctx.entity(...)`).
    public init(_ key: Key, to entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        effect = RecovIR.Effect(
            .rotateKeyTo(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column)
        )
    }
}
