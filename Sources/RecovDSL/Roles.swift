import RecovIR

/// Declares the model's roles.
public struct Roles: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `roles` in this model.
    public init(_ roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = roles.map { r in
            r.ir != nil
                ? .role(r)
                : .diagnostic(
                    Diag(
                        loc: loc,
                        message:
                            "Roles(...) needs role declarations such as `Role.multisig(...)`, not the name \"\(r.name)\""
                    ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}
