import RecovIR

/// `entity` may now sign with `key` (an allowlist entry or delegation added at run time).
public struct Grant: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Grants `key`'s power to `entity`.
    public init(_ key: Key, to entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .grant(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

extension Grant {
    /// Grants `key`'s power to the entity the caller chooses (`ctx.entity(...)`).
    public init(_ key: Key, to entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        effect = RecovIR.Effect(
            .grantTo(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
}
