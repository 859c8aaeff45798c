import RecovIR

/// `target = value`; `target` is a state variable or a map element `map[account]`.
/// All effects of an action read the state before the action.
public struct Assign: ActionComponent, Sendable {
    let item: ActionItem

    /// Assigns an integer variable or map element.
    public init(_ target: IntExpr, _ value: IntExpr, file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        item = Assign.make(target.lvalue, value.node, SourceLocation(file: file, line: line, column: column))
    }

    /// Assigns a flag.
    public init(
        _ target: BoolExpr, _ value: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        item = Assign.make(target.lvalue, value.node, SourceLocation(file: file, line: line, column: column))
    }

    static func make(_ lvalue: LValue?, _ value: Expr, _ loc: SourceLocation) -> ActionItem {
        switch lvalue {
        case .scalar(let name)?:
            return .effect(RecovIR.Effect(.assign(target: name, index: nil, value: value), loc: loc))
        case .element(let map, let index)?:
            return .effect(RecovIR.Effect(.assign(target: map, index: index, value: value), loc: loc))
        case nil:
            return .diagnostic(
                Diag(
                    loc: loc,
                    message:
                        "Assign needs a state variable or a map element `map[account]` as its target, not a computed expression"
                ))
        }
    }

    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [item]) }
}
