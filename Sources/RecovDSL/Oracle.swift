import RecovIR

/// The environment may set the oracle-fed integer variable `target` to any value in `range`.
public struct Oracle: IncidentComponent, Sendable {
    let item: IncidentItem
    /// Declares an oracle move.
    public init(
        _ target: IntExpr, _ range: ClosedRange<Int>, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        let loc = SourceLocation(file: file, line: line, column: column)
        if case .scalar(let name)? = target.lvalue {
            item = .oracle(target: name, min: range.lowerBound, max: range.upperBound, loc: loc)
        } else {
            item = .diagnostic(
                Diag(loc: loc, message: "Oracle(...) needs an integer state variable declared with IntVar"))
        }
    }
    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: [item]) }
}
