import RecovIR

/// `target` stays within `range` after the step.
public struct InRange: StepComponent, Sendable {
    let item: StepItem
    /// Declares a range bound.
    public init(
        _ target: IntExpr, _ range: ClosedRange<Int>, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        let loc = SourceLocation(file: file, line: line, column: column)
        if let d = target.decl {
            item = .bound(Bound(.range(target: d.name, min: range.lowerBound, max: range.upperBound), loc: loc))
        } else {
            item = .diagnostic(
                Diag(loc: loc, message: "InRange(...) needs an integer state variable declared with IntVar"))
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [item]) }
}
