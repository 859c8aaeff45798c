import RecovIR

/// `entity` may no longer sign with `key` (unless it holds it).
public struct Revoke: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Revokes `entity`'s use of `key`.
    public init(_ key: Key, from entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .revoke(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

extension Revoke {
    /// Revokes the use of `key` by the entity the caller chooses (`ctx.entity(...)`).
    public init(
        _ key: Key, from entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        effect = RecovIR.Effect(
            .revokeFrom(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
}
