import RecovIR

/// The state the procedure must reach (e.g. `paused`), within `budget` seconds of the trigger.
public struct Containment: ProcedureComponent, Sendable {
    let item: ProcedureItem
    /// Declares the containment predicate and its time budget.
    public init(
        _ condition: BoolExpr, within budget: Int? = nil, file: String = #filePath, line: Int = #line,
        column: Int = #column
    ) {
        item = .containment(
            Assertion(
                name: "containment", expr: condition.node, loc: SourceLocation(file: file, line: line, column: column)),
            budget: budget)
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [item]) }
}
