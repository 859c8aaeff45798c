import RecovIR

/// The detection condition: it holds when the procedure starts.
public struct Trigger: ProcedureComponent, Sendable {
    let node: Assertion
    /// Declares the trigger.
    public init(_ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        node = Assertion(
            name: "trigger", expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.trigger(node)]) }
}
