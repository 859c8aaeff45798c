import RecovIR

/// A named invariant of a model or a procedure.
public struct Invariant: ModelComponent, Sendable {
    let node: Assertion
    /// Requires `condition` to hold in every reachable state.
    public init(
        _ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        node = Assertion(name: name, expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.invariant(node)]) }
}

extension Invariant: ProcedureComponent {
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.invariant(node)]) }
}
