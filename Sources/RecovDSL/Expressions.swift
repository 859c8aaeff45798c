// Expression types of the DSL. One overload per operator, on concrete types only; integer and
// boolean literals become `IntExpr` / `BoolExpr` through the literal protocols.
import RecovIR

/// What an expression can be assigned through, if anything.
enum LValue: Sendable {
    case scalar(String)
    case element(String, Expr)
}

/// The protocol clock, in seconds.
public let now = IntExpr(node: .now)

/// The smaller of two integers.
public func min(_ a: IntExpr, _ b: IntExpr) -> IntExpr { IntExpr(node: .apply(.min, [a.node, b.node])) }
/// The larger of two integers.
public func max(_ a: IntExpr, _ b: IntExpr) -> IntExpr { IntExpr(node: .apply(.max, [a.node, b.node])) }
/// `c ? a : b` for integers.
public func ite(_ c: BoolExpr, _ a: IntExpr, _ b: IntExpr) -> IntExpr {
    IntExpr(node: .apply(.ite, [c.node, a.node, b.node]))
}
/// `c ? a : b` for booleans.
public func ite(_ c: BoolExpr, _ a: BoolExpr, _ b: BoolExpr) -> BoolExpr {
    BoolExpr(node: .apply(.ite, [c.node, a.node, b.node]))
}
/// Logical implication `a => b`.
public func implies(_ a: BoolExpr, _ b: BoolExpr) -> BoolExpr { BoolExpr(node: .apply(.implies, [a.node, b.node])) }
