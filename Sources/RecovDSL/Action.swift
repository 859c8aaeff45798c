// Action bodies: parameters, guards and effects.
import RecovIR

/// Declares the parameters of an action and gives access to its caller.
public final class ActionContext {
    var params: [Param] = []

    init() {}

    /// The calling user account (for `UserAction`s), the IR parameter `caller`.
    public var caller: AccountExpr { AccountExpr(node: .param("caller")) }

    /// Declares an integer parameter within `range`, symbolic unless a procedure step fixes it.
    public func int(
        _ name: String, _ range: ClosedRange<Int>,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> IntExpr {
        params.append(
            Param(
                name: name, type: .int, min: range.lowerBound, max: range.upperBound,
                loc: SourceLocation(file: file, line: line, column: column)))
        return IntExpr(node: .param(name))
    }

    /// Declares a boolean parameter.
    public func bool(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column) -> BoolExpr {
        params.append(Param(name: name, type: .bool, loc: SourceLocation(file: file, line: line, column: column)))
        return BoolExpr(node: .param(name))
    }

    /// Declares an entity parameter: the caller chooses one of the model's entities, as the new
    /// holder of `RotateKey(key, to:)` or the new signer of `Grant(key, to:)` (an attacker
    /// rotating a key to itself, a proposal naming its own keeper).
    public func entity(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column)
        -> EntityChoice
    {
        params.append(Param(name: name, type: .entity, loc: SourceLocation(file: file, line: line, column: column)))
        return EntityChoice(name: name)
    }

    /// Declares an account parameter.
    public func account(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column)
        -> AccountExpr
    {
        params.append(Param(name: name, type: .account, loc: SourceLocation(file: file, line: line, column: column)))
        return AccountExpr(node: .param(name))
    }
}

enum ActionItem: Sendable {
    case require(Expr)
    case effect(RecovIR.Effect)
    case allowReduction(Expr)
    case limitUse(LimitUse)
    case diagnostic(Diag)
}

/// Statements of an action body (opaque).
public struct ActionPart: Sendable {
    let items: [ActionItem]
}

/// Something that can appear in an action body.
public protocol ActionComponent {
    /// The statements it contributes.
    var actionPart: ActionPart { get }
}

/// Builds an action body from `Require`, `Assign`, `AssignAll`, key management and `AllowReduction`.
@resultBuilder
public enum ActionBuilder {
    /// One statement.
    public static func buildExpression(_ c: any ActionComponent) -> ActionPart { c.actionPart }
    /// An empty body.
    public static func buildBlock() -> ActionPart { ActionPart(items: []) }
    /// The first statement.
    public static func buildPartialBlock(first: ActionPart) -> ActionPart { first }
    /// The next statement.
    public static func buildPartialBlock(accumulated: ActionPart, next: ActionPart) -> ActionPart {
        ActionPart(items: accumulated.items + next.items)
    }
    /// `if` without `else`.
    public static func buildOptional(_ c: ActionPart?) -> ActionPart { c ?? ActionPart(items: []) }
    /// `if`/`else`, first branch.
    public static func buildEither(first c: ActionPart) -> ActionPart { c }
    /// `if`/`else`, second branch.
    public static func buildEither(second c: ActionPart) -> ActionPart { c }
    /// `for` loops.
    public static func buildArray(_ cs: [ActionPart]) -> ActionPart { ActionPart(items: cs.flatMap(\.items)) }
}

/// An action as declared: its IR, the problems the DSL saw in it, and the roles of `by:` as given
/// at the declaration (checked against `Roles(...)`, not emitted).
struct ActionNode: Sendable {
    var ir: RecovIR.Action
    var diags: [Diag] = []
    var roleUses: [RoleUse] = []
    /// The rate limits its `Spend`s use, checked against the model's `RateLimit`s.
    var limitUses: [LimitUse] = []
}

func buildAction(name: String, by: [String], user: Bool, loc: SourceLocation, context: ActionContext, part: ActionPart)
    -> ActionNode
{
    var a = RecovIR.Action(name: name, by: by, user: user, params: context.params, loc: loc)
    var guards: [Expr] = []
    var reductions: [Expr] = []
    var diags: [Diag] = []
    var limitUses: [LimitUse] = []
    for item in part.items {
        switch item {
        case .require(let n): guards.append(n)
        case .effect(let e): a.effects.append(e)
        case .allowReduction(let n): reductions.append(n)
        case .limitUse(let u):
            // Both spends would read the usage before the action and the second would overwrite the first.
            if limitUses.contains(where: { $0.name == u.name }) {
                diags.append(
                    Diag(
                        loc: u.loc, message: "action '\(name)' spends rate limit '\(u.name)' twice; spend the sum once")
                )
            }
            limitUses.append(u)
        case .diagnostic(let d): diags.append(d)
        }
    }
    if var g = guards.first {
        for next in guards.dropFirst() { g = .apply(.and, [g, next]) }
        a.guardExpr = g
    }
    if var r = reductions.first {
        for next in reductions.dropFirst() { r = .apply(.or, [r, next]) }
        a.allowedReduction = r
    }
    return ActionNode(ir: a, diags: diags, limitUses: limitUses)
}

/// A privileged action: callable by any of `roles`.
public struct Action: ModelComponent, Sendable {
    let node: ActionNode

    /// Declares an action without parameters.
    public init(
        _ name: String, by roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: () -> ActionPart
    ) {
        var n = buildAction(
            name: name, by: roles.map(\.name), user: false, loc: SourceLocation(file: file, line: line, column: column),
            context: ActionContext(), part: body())
        n.roleUses = roles.map { $0.use(at: n.ir.loc, "action '\(name)'") }
        node = n
    }

    /// Declares an action whose body declares parameters through `ctx`.
    public init(
        _ name: String, by roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column,
        @ActionBuilder _ body: (ActionContext) -> ActionPart
    ) {
        let ctx = ActionContext()
        let part = body(ctx)
        var n = buildAction(
            name: name, by: roles.map(\.name), user: false, loc: SourceLocation(file: file, line: line, column: column),
            context: ctx, part: part)
        n.roleUses = roles.map { $0.use(at: n.ir.loc, "action '\(name)'") }
        node = n
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.action(node)]) }
}
