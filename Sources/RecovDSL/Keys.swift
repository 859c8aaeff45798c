import RecovIR

/// Declares the model's keys.
public struct Keys: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `keys` in this model.
    public init(_ keys: Key..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = keys.map { k in
            k.isDeclaration
                ? .key(k)
                : .diagnostic(
                    Diag(
                        loc: loc,
                        message:
                            "Keys(...) needs key declarations `Key(\"\(k.name)\", heldBy: ...)`, not the name \"\(k.name)\""
                    ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}
