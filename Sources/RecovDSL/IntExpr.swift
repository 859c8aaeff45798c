import RecovIR

/// An integer-valued symbolic expression: a state variable, a parameter, a literal, or arithmetic on them.
public struct IntExpr: ExpressibleByIntegerLiteral, Sendable {
    let node: Expr
    let decl: StateVar?
    let lvalue: LValue?

    init(node: Expr, decl: StateVar? = nil, lvalue: LValue? = nil) {
        self.node = node
        self.decl = decl
        self.lvalue = lvalue
    }

    /// An integer constant, e.g. `IntExpr(day)` for a Swift `Int` constant.
    public init(_ value: Int) { self.init(node: .int(value)) }

    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(node: .int(value)) }

    /// `a + b`.
    public static func + (a: IntExpr, b: IntExpr) -> IntExpr { IntExpr(node: .apply(.add, [a.node, b.node])) }
    /// `a - b`.
    public static func - (a: IntExpr, b: IntExpr) -> IntExpr { IntExpr(node: .apply(.sub, [a.node, b.node])) }
    /// `a * b`.
    public static func * (a: IntExpr, b: IntExpr) -> IntExpr { IntExpr(node: .apply(.mul, [a.node, b.node])) }
    /// `a / b` (integer division).
    public static func / (a: IntExpr, b: IntExpr) -> IntExpr { IntExpr(node: .apply(.div, [a.node, b.node])) }
    /// `a % b`.
    public static func % (a: IntExpr, b: IntExpr) -> IntExpr { IntExpr(node: .apply(.mod, [a.node, b.node])) }
    /// `-a`.
    public static prefix func - (a: IntExpr) -> IntExpr { IntExpr(node: .apply(.neg, [a.node])) }

    /// `a == b`.
    public static func == (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.eq, [a.node, b.node])) }
    /// `a != b`.
    public static func != (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.ne, [a.node, b.node])) }
    /// `a < b`.
    public static func < (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.lt, [a.node, b.node])) }
    /// `a <= b`.
    public static func <= (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.le, [a.node, b.node])) }
    /// `a > b`.
    public static func > (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.gt, [a.node, b.node])) }
    /// `a >= b`.
    public static func >= (a: IntExpr, b: IntExpr) -> BoolExpr { BoolExpr(node: .apply(.ge, [a.node, b.node])) }
}

extension IntExpr: StateReference {
    /// The declaration when this expression is an `IntVar`.
    public var stateReference: StateRef { StateRef(decl: decl) }
}
