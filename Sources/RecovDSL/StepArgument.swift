import RecovIR

/// A value for a step's action parameter: an integer, boolean or expression.
public struct StepArgument: ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, Sendable {
    let node: Expr
    /// An integer literal.
    public init(integerLiteral value: Int) { node = .int(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { node = .bool(value) }
    /// An integer expression.
    public init(_ value: IntExpr) { node = value.node }
    /// A boolean expression.
    public init(_ value: BoolExpr) { node = value.node }
    /// An account expression.
    public init(_ value: AccountExpr) { node = value.node }
}
