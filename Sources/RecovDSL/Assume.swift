import RecovIR

/// A named assumption about the initial state (in a model) or about the scenario (in an incident).
public struct Assume: ModelComponent, Sendable {
    let node: Assertion
    /// Assumes `condition`.
    public init(
        _ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        node = Assertion(name: name, expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.assumption(node)]) }
}

extension Assume: IncidentComponent {
    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: [.assumption(node)]) }
}
