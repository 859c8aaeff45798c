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

/// A guard conjunct: the action may run only when `condition` holds.
public struct Require: ActionComponent, Sendable {
    let node: Expr
    /// Requires `condition`.
    public init(_ condition: BoolExpr) { node = condition.node }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.require(node)]) }
}

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

/// For every account `a`: `map[a] = value(a)` (a map-wide effect, e.g. a migration).
public struct AssignAll: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Assigns every account's entry of `map`.
    public init(
        _ map: AccountMap, file: String = #filePath, line: Int = #line, column: Int = #column,
        _ value: (AccountExpr) -> IntExpr
    ) {
        effect = RecovIR.Effect(
            .assignAll(target: map.name, value: value(AccountExpr(node: .account)).node),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

/// Key `key` is now held by `entity`.
public struct RotateKey: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Rotates `key` to `entity`.
    public init(_ key: Key, to entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .rotateKey(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

/// An entity chosen by an action's caller: `ctx.entity("newHolder")`.
public struct EntityChoice: Sendable {
    /// The parameter's name.
    public let name: String
}

extension RotateKey {
    /// Rotates `key` to the entity the caller chooses (`ctx.entity(...)`).
    public init(_ key: Key, to entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        effect = RecovIR.Effect(
            .rotateKeyTo(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column)
        )
    }
}

extension Grant {
    /// Grants `key`'s power to the entity the caller chooses (`ctx.entity(...)`).
    public init(_ key: Key, to entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        effect = RecovIR.Effect(
            .grantTo(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
}

extension Revoke {
    /// Revokes the use of `key` by the entity the caller chooses (`ctx.entity(...)`).
    public init(
        _ key: Key, from entity: EntityChoice, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        effect = RecovIR.Effect(
            .revokeFrom(key: key.name, param: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
}

/// Role `role`'s threshold becomes `value`.
public struct SetThreshold: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Sets `role`'s threshold.
    public init(_ role: Role, _ value: IntExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .setThreshold(role: role.name, value: value.node),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

/// `entity` may now sign with `key` (an allowlist entry or delegation added at run time).
public struct Grant: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Grants `key`'s power to `entity`.
    public init(_ key: Key, to entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .grant(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

/// `entity` may no longer sign with `key` (unless it holds it).
public struct Revoke: ActionComponent, Sendable {
    let effect: RecovIR.Effect
    /// Revokes `entity`'s use of `key`.
    public init(_ key: Key, from entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        effect = RecovIR.Effect(
            .revoke(key: key.name, entity: entity.name), loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.effect(effect)]) }
}

/// When `condition(a)` holds, this action may lower account `a`'s claim (e.g. liquidating an unhealthy position).
public struct AllowReduction: ActionComponent, Sendable {
    let node: Expr
    /// Allows reducing the claim of the accounts satisfying `condition`.
    public init(_ condition: (AccountExpr) -> BoolExpr) { node = condition(AccountExpr(node: .account)).node }
    /// The statements it contributes.
    public var actionPart: ActionPart { ActionPart(items: [.allowReduction(node)]) }
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
