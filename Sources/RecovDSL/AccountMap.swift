import RecovIR

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
