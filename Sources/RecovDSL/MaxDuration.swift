import RecovIR

/// `condition` (e.g. `paused`) is false again at most `duration` seconds after the step.
public struct MaxDuration: StepComponent, Sendable {
    let bound: Bound
    /// Declares a max-duration bound.
    public init(
        _ condition: BoolExpr, _ duration: Int, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        bound = Bound(
            .maxDuration(expr: condition.node, duration: duration),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [.bound(bound)]) }
}
