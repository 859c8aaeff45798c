import RecovIR

/// Declares the model's state variables: `Flag`s, `IntVar`s and `AccountMap`s declared at top level.
public struct State: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `variables` as this model's state.
    public init(_ variables: any StateReference..., file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = variables.enumerated().map { i, v in
            if let d = v.stateReference.decl { return .state(d) }
            return .diagnostic(
                Diag(
                    loc: loc,
                    message:
                        "State(...) argument \(i + 1) is not a declared variable (declare it with Flag, IntVar or AccountMap)"
                ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}
