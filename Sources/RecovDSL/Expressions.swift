// Expression types of the DSL. One overload per operator, on concrete types only; integer and
// boolean literals become `IntExpr` / `BoolExpr` through the literal protocols.
import RecovIR

/// What an expression can be assigned through, if anything.
enum LValue: Sendable {
    case scalar(String)
    case element(String, Expr)
}

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

/// An account id: the calling user, an account parameter, or the account a claim ranges over.
public struct AccountExpr: Sendable {
    let node: Expr
    init(node: Expr) { self.node = node }

    /// The same account.
    public static func == (a: AccountExpr, b: AccountExpr) -> BoolExpr {
        BoolExpr(node: .apply(.eq, [a.node, b.node]))
    }
    /// Different accounts.
    public static func != (a: AccountExpr, b: AccountExpr) -> BoolExpr {
        BoolExpr(node: .apply(.ne, [a.node, b.node]))
    }
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

// MARK: - State variable declarations

/// Something that names a state variable: a `Flag`, an `IntVar` or an `AccountMap`.
public protocol StateReference {
    /// The declaration behind this value, if it is a declared state variable.
    var stateReference: StateRef { get }
}

/// The declaration behind a `StateReference` (opaque).
public struct StateRef: Sendable {
    let decl: StateVar?
}

extension IntExpr: StateReference {
    /// The declaration when this expression is an `IntVar`.
    public var stateReference: StateRef { StateRef(decl: decl) }
}

extension BoolExpr: StateReference {
    /// The declaration when this expression is a `Flag`.
    public var stateReference: StateRef { StateRef(decl: decl) }
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

/// A per-account amount, e.g. `collateral[a]`; each account's value lies within `range`.
public struct AccountMap: StateReference, Sendable {
    /// The variable's name.
    public let name: String
    let decl: StateVar

    /// Declares a per-account amount.
    public init(
        _ name: String, _ range: ClosedRange<Int>, initial: Int? = nil,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.name = name
        self.decl = StateVar(
            name: name, type: .map, min: range.lowerBound, max: range.upperBound,
            initial: initial.map { .int($0) }, loc: SourceLocation(file: file, line: line, column: column))
    }

    /// The amount of `account`; assignable with `Assign`.
    public subscript(_ account: AccountExpr) -> IntExpr {
        IntExpr(node: .select(name, account.node), lvalue: .element(name, account.node))
    }

    /// The declaration of this map.
    public var stateReference: StateRef { StateRef(decl: decl) }
}
