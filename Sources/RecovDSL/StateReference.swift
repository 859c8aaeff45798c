import RecovIR

/// Something that names a state variable: a `Flag`, an `IntVar` or an `AccountMap`.
public protocol StateReference {
    /// The declaration behind this value, if it is a declared state variable.
    var stateReference: StateRef { get }
}

/// The declaration behind a `StateReference` (opaque).
public struct StateRef: Sendable {
    let decl: StateVar?
}

/// Declares a boolean state variable (a flag) and returns it as an expression.
/// `initial` fixes its initial value; otherwise it starts symbolic.
public func Flag(
    _ name: String, initial: Bool? = nil,
    file: String = #filePath, line: Int = #line, column: Int = #column
) -> BoolExpr {
    let d = StateVar(
        name: name, type: .bool, initial: initial.map { .bool($0) },
        loc: SourceLocation(file: file, line: line, column: column))
    return BoolExpr(node: .variable(name), decl: d, lvalue: .scalar(name))
}

/// Declares a bounded integer state variable and returns it as an expression.
/// `initial` fixes its initial value; otherwise it starts anywhere within `range`.
public func IntVar(
    _ name: String, _ range: ClosedRange<Int>, initial: Int? = nil,
    file: String = #filePath, line: Int = #line, column: Int = #column
) -> IntExpr {
    let d = StateVar(
        name: name, type: .int, min: range.lowerBound, max: range.upperBound,
        initial: initial.map { .int($0) }, loc: SourceLocation(file: file, line: line, column: column))
    return IntExpr(node: .variable(name), decl: d, lvalue: .scalar(name))
}
