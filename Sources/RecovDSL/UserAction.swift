import RecovIR

/// An action any user account may call; `ctx.caller` is that account.
public struct UserAction: ModelComponent, Sendable {
    let node: ActionNode

    /// Declares a user action without parameters.
    public init(
        _ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: () -> ActionPart
    ) {
        node = buildAction(
            name: name, by: [], user: true, loc: SourceLocation(file: file, line: line, column: column),
            context: ActionContext(), part: body())
    }

    /// Declares a user action whose body uses `ctx.caller` and declares parameters through `ctx`.
    public init(
        _ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: (ActionContext) -> ActionPart
    ) {
        let ctx = ActionContext()
        let part = body(ctx)
        node = buildAction(
            name: name, by: [], user: true, loc: SourceLocation(file: file, line: line, column: column),
            context: ctx, part: part)
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.action(node)]) }
}
