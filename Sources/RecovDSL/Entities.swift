import RecovIR

/// Declares the model's entities.
public struct Entities: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `entities` in this model.
    public init(_ entities: Entity..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = entities.map { e in
            e.isDeclaration ? .entity(e) : .entity(Entity(e.name, file: loc.file, line: loc.line, column: loc.column))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}
