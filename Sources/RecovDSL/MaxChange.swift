import RecovIR

/// `target` changes by at most `amount` in the step.
public struct MaxChange: StepComponent, Sendable {
    let item: StepItem
    /// Declares a max-change bound.
    public init(_ target: IntExpr, _ amount: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        if let d = target.decl {
            item = .bound(Bound(.maxChange(target: d.name, amount: amount), loc: loc))
        } else {
            item = .diagnostic(
                Diag(loc: loc, message: "MaxChange(...) needs an integer state variable declared with IntVar"))
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [item]) }
}
