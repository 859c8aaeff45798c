import RecovIR

/// A boolean symbolic expression: a flag, a comparison, or a combination of them.
public struct BoolExpr: ExpressibleByBooleanLiteral, Sendable {
    let node: Expr
    let decl: StateVar?
    let lvalue: LValue?

    init(node: Expr, decl: StateVar? = nil, lvalue: LValue? = nil) {
        self.node = node
        self.decl = decl
        self.lvalue = lvalue
    }

    /// A boolean constant.
    public init(_ value: Bool) { self.init(node: .bool(value)) }

    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self.init(node: .bool(value)) }

    /// Conjunction.
    public static func && (a: BoolExpr, b: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.and, [a.node, b.node])) }
    /// Disjunction.
    public static func || (a: BoolExpr, b: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.or, [a.node, b.node])) }
    /// Negation.
    public static prefix func ! (a: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.not, [a.node])) }
    /// `a == b` (both hold or neither does).
    public static func == (a: BoolExpr, b: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.eq, [a.node, b.node])) }
    /// `a != b`.
    public static func != (a: BoolExpr, b: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.ne, [a.node, b.node])) }
}

extension BoolExpr: StateReference {
    /// The declaration when this expression is a `Flag`.
    public var stateReference: StateRef { StateRef(decl: decl) }
}
