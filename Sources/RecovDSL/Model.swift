// Models: state, authority, actions, claim, assumptions and invariants.
import RecovIR

enum ModelItem: Sendable {
    case state(StateVar)
    case entity(Entity)
    case key(Key)
    case delegation(key: String, entity: String, loc: SourceLocation)
    case role(Role)
    case minCoalition(Int, loc: SourceLocation)
    case action(ActionNode)
    case claim(Assertion, RedeemableClaim?)
    case assumption(Assertion)
    case invariant(Assertion)
    case rateLimit(name: String, max: Int, per: Int, loc: SourceLocation)
    case diagnostic(Diag)
}

/// Declarations of a model body (opaque).
public struct ModelPart: Sendable {
    let items: [ModelItem]
}

/// Something that can appear in a `Model { ... }` body.
public protocol ModelComponent {
    /// The declarations it contributes.
    var modelPart: ModelPart { get }
}

/// Builds a model body.
@resultBuilder
public enum ModelBuilder {
    /// One declaration.
    public static func buildExpression(_ c: any ModelComponent) -> ModelPart { c.modelPart }
    /// An empty body.
    public static func buildBlock() -> ModelPart { ModelPart(items: []) }
    /// The first declaration.
    public static func buildPartialBlock(first: ModelPart) -> ModelPart { first }
    /// The next declaration.
    public static func buildPartialBlock(accumulated: ModelPart, next: ModelPart) -> ModelPart {
        ModelPart(items: accumulated.items + next.items)
    }
    /// `if` without `else`.
    public static func buildOptional(_ c: ModelPart?) -> ModelPart { c ?? ModelPart(items: []) }
    /// `if`/`else`, first branch.
    public static func buildEither(first c: ModelPart) -> ModelPart { c }
    /// `if`/`else`, second branch.
    public static func buildEither(second c: ModelPart) -> ModelPart { c }
    /// `for` loops.
    public static func buildArray(_ cs: [ModelPart]) -> ModelPart { ModelPart(items: cs.flatMap(\.items)) }
}

/// A protocol model: state, authority structure, actions, the per-account claim and invariants.
public struct Model: Sendable {
    /// The model's name.
    public let name: String
    let loc: SourceLocation
    /// The model's IR.
    let ir: RecovIR.Model
    let diags: [Diag]
    /// Each declared role's definition (`Role.definitionSignature`), to check uses by name against.
    let roleSignatures: [String: RecovIR.Role]
    /// Each declared `RateLimit`'s cap and window, to check `Spend`s against.
    let rateLimits: LimitDeclarations

    /// Declares a model.
    public init(
        _ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
        @ModelBuilder _ body: () -> ModelPart
    ) {
        self.name = name
        let loc = SourceLocation(file: file, line: line, column: column)
        self.loc = loc
        var m = RecovIR.Model(name: name, loc: loc)
        var minCoalitionSet = false
        var diags: [Diag] = []
        var signatures: [String: RecovIR.Role] = [:]
        var roleUses: [RoleUse] = []
        var limits: LimitDeclarations = [:]
        var limitUses: [LimitUse] = []
        for item in body().items {
            switch item {
            case .state(let d): m.state.append(d)
            case .entity(let e): m.entities.append(EntityDecl(name: e.name, loc: e.loc))
            case .key(let k): m.keys.append(KeyDecl(name: k.name, holder: k.holder, loc: k.loc))
            case .delegation(let k, let e, let l): m.delegations.append(Delegation(key: k, entity: e, loc: l))
            case .role(let r):
                if let ir = r.ir { m.roles.append(ir) }
                if let sig = r.definitionSignature, signatures[r.name] == nil { signatures[r.name] = sig }
            case .minCoalition(let n, let l):
                if minCoalitionSet {
                    diags.append(
                        Diag(loc: l, message: "model '\(name)' has more than one MinCoalition (only one is allowed)"))
                }
                m.minCoalition = n
                minCoalitionSet = true
            case .action(let a):
                m.actions.append(a.ir)
                diags += a.diags
                roleUses += a.roleUses
                limitUses += a.limitUses
            case .rateLimit(let n, let mx, let per, let l):
                if limits[n] != nil {
                    diags.append(Diag(loc: l, message: "model '\(name)' declares rate limit '\(n)' more than once"))
                }
                limits[n] = (mx, per)
            case .claim(let c, let r):
                if m.claim != nil { diags.append(Diag(loc: c.loc, message: "model '\(name)' has more than one Claim")) }
                m.claim = c
                m.redeemable = r
            case .assumption(let a): m.assumptions.append(a)
            case .invariant(let a): m.invariants.append(a)
            case .diagnostic(let d): diags.append(d)
            }
        }
        self.ir = m
        self.diags =
            diags + roleUseDiagnostics(roleUses, declared: signatures)
            + limitUseDiagnostics(limitUses, declared: limits, model: name)
        self.roleSignatures = signatures
        self.rateLimits = limits
        Registry.shared.add(self)  // discovery by construction (Registry.swift)
    }
}

/// Declares the model's state variables: `Flag`s, `IntVar`s and `AccountMap`s declared at top level.
public struct State: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `variables` as this model's state.
    public init(_ variables: any StateReference..., file: String = #filePath, line: Int = #line, column: Int = #column)
    {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = variables.enumerated().map { i, v in
            if let d = v.stateReference.decl { return .state(d) }
            return .diagnostic(
                Diag(
                    loc: loc,
                    message:
                        "State(...) argument \(i + 1) is not a declared variable (declare it with Flag, IntVar or AccountMap)"
                ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}

/// Declares the model's entities.
public struct Entities: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `entities` in this model.
    public init(_ entities: Entity..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = entities.map { e in
            e.isDeclaration ? .entity(e) : .entity(Entity(e.name, file: loc.file, line: loc.line, column: loc.column))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}

/// Declares the model's keys.
public struct Keys: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `keys` in this model.
    public init(_ keys: Key..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = keys.map { k in
            k.isDeclaration
                ? .key(k)
                : .diagnostic(
                    Diag(
                        loc: loc,
                        message:
                            "Keys(...) needs key declarations `Key(\"\(k.name)\", heldBy: ...)`, not the name \"\(k.name)\""
                    ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}

/// An allowlist entry or delegation: `entity` may sign with `key`'s power besides its holder.
public struct Allowlist: ModelComponent, Sendable {
    let item: ModelItem
    /// Lets `entity` use `key`.
    public init(_ entity: Entity, mayUse key: Key, file: String = #filePath, line: Int = #line, column: Int = #column) {
        item = .delegation(
            key: key.name, entity: entity.name, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [item]) }
}

/// Declares the model's roles.
public struct Roles: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `roles` in this model.
    public init(_ roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = roles.map { r in
            r.ir != nil
                ? .role(r)
                : .diagnostic(
                    Diag(
                        loc: loc,
                        message:
                            "Roles(...) needs role declarations such as `Role.multisig(...)`, not the name \"\(r.name)\""
                    ))
        }
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}

/// The smallest coalition of entities allowed to satisfy a privileged role (default 2: no single entity).
public struct MinCoalition: ModelComponent, Sendable {
    let size: Int
    /// Sets the minimum coalition size.
    public init(_ size: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.size = size
        self.loc = SourceLocation(file: file, line: line, column: column)
    }
    let loc: SourceLocation
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.minCoalition(size, loc: loc)]) }
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

/// What account `a` owns; lowering it through someone else's action is collateral loss.
public struct Claim: ModelComponent, Sendable {
    let node: Assertion
    let redeemable: RedeemableClaim?
    /// Declares the per-account claim.
    public init(file: String = #filePath, line: Int = #line, column: Int = #column, _ claim: (AccountExpr) -> IntExpr) {
        node = Assertion(
            name: "claim", expr: claim(AccountExpr(node: .account)).node,
            loc: SourceLocation(file: file, line: line, column: column))
        redeemable = nil
    }

    private init(redeemable r: RedeemableClaim) {
        node = Assertion(name: "claim", expr: r.expr, loc: r.loc)
        redeemable = r
    }

    /// The claim is what account `a` can redeem from a shared pool: its pro-rata share of
    /// `assets`, `floor(shares[a] * assets / totalShares)`, and 0 while `totalShares <= 0`.
    /// Draining the pool lowers it although `shares[a]` does not change, so a drain is a
    /// `no-collateral-loss` violation ("redeemable value ... fell from 100 to 40").
    /// `totalShares` and `assets` are state expressions that do not mention the account.
    public static func redeemable(
        shares: AccountMap, totalShares: IntExpr, assets: IntExpr,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Claim {
        Claim(
            redeemable: RedeemableClaim(
                shares: shares.name, totalShares: totalShares.node, assets: assets.node,
                loc: SourceLocation(file: file, line: line, column: column)))
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.claim(node, redeemable)]) }
}

/// A named assumption about the initial state (in a model) or about the scenario (in an incident).
public struct Assume: ModelComponent, Sendable {
    let node: Assertion
    /// Assumes `condition`.
    public init(
        _ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        node = Assertion(name: name, expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.assumption(node)]) }
}

/// A named invariant of a model or a procedure.
public struct Invariant: ModelComponent, Sendable {
    let node: Assertion
    /// Requires `condition` to hold in every reachable state.
    public init(
        _ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        node = Assertion(name: name, expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.invariant(node)]) }
}
