import RecovIR

/// An attack action, callable by the attacker while `live` holds.
public struct Attack: IncidentComponent, Sendable {
    let node: ActionNode

    /// Declares an attack without parameters.
    public init(
        _ name: String, while live: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: () -> ActionPart
    ) {
        var n = buildAction(
            name: name, by: [], user: false, loc: SourceLocation(file: file, line: line, column: column),
            context: ActionContext(), part: body())
        n.ir.live = live.node
        node = n
    }

    /// Declares an attack whose body declares parameters through `ctx`.
    public init(
        _ name: String, while live: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: (ActionContext) -> ActionPart
    ) {
        let ctx = ActionContext()
        let part = body(ctx)
        var n = buildAction(
            name: name, by: [], user: false, loc: SourceLocation(file: file, line: line, column: column),
            context: ctx, part: part)
        n.ir.live = live.node
        node = n
    }

    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: [.attack(node)]) }
}
