import RecovIR

/// An allowlist entry or delegation: `entity` may sign with `key`'s power besides its holder.
public struct Allowlist: ModelComponent, Sendable {
    let item: ModelItem
    /// Lets `entity` use `key`.
    public init(_ entity: Entity, mayUse key: Key, file: String = #filePath, line: Int = #line, column: Int = #column) {
        item = .delegation(
            key: key.name, entity: entity.name, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [item]) }
}
