// Models: state, authority, actions, claim, assumptions and invariants.

enum ModelItem: Sendable {
    case state(StateDecl)
    case entity(Entity)
    case key(Key)
    case delegation(key: String, entity: String, loc: Loc)
    case role(Role)
    case minCoalition(Int, loc: Loc)
    case action(ActionNode)
    case claim(AssertionNode)
    case assumption(AssertionNode)
    case invariant(AssertionNode)
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
    let loc: Loc
    let json: JSON
    let diags: [Diag]
    /// Each declared role's definition (`Role.definitionSignature`), to check uses by name against.
    let roleSignatures: [String: String]

    /// Declares a model.
    public init(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
                @ModelBuilder _ body: () -> ModelPart) {
        self.name = name
        let loc = Loc(file: file, line: line, column: column)
        self.loc = loc
        var state: [JSON] = [], entities: [JSON] = [], keys: [JSON] = [], delegations: [JSON] = []
        var roles: [JSON] = [], actions: [JSON] = [], assumptions: [JSON] = [], invariants: [JSON] = []
        var claim: JSON? = nil
        var minCoalition = 2, minCoalitionSet = false
        var diags: [Diag] = []
        var signatures: [String: String] = [:], roleUses: [RoleUse] = []
        for item in body().items {
            switch item {
            case .state(let d): state.append(d.json)
            case .entity(let e):
                entities.append(.object([("name", .string(e.name)), ("loc", e.loc.json)]))
            case .key(let k):
                keys.append(.object([("name", .string(k.name)), ("holder", .string(k.holder)), ("loc", k.loc.json)]))
            case .delegation(let k, let e, let l):
                delegations.append(.object([("key", .string(k)), ("entity", .string(e)), ("loc", l.json)]))
            case .role(let r):
                if let n = r.node { roles.append(n.json(name: r.name, loc: r.loc)) }
                if let sig = r.definitionSignature, signatures[r.name] == nil { signatures[r.name] = sig }
            case .minCoalition(let n, let l):
                if minCoalitionSet { diags.append(Diag(loc: l, message: "model '\(name)' has more than one MinCoalition (only one is allowed)")) }
                minCoalition = n; minCoalitionSet = true
            case .action(let a):
                actions.append(a.json); diags += a.diags; roleUses += a.roleUses
            case .claim(let c):
                if claim != nil { diags.append(Diag(loc: c.loc, message: "model '\(name)' has more than one Claim")) }
                claim = c.json
            case .assumption(let a): assumptions.append(a.json)
            case .invariant(let a): invariants.append(a.json)
            case .diagnostic(let d): diags.append(d)
            }
        }
        var o = ObjectBuilder()
        o.add("name", .string(name)); o.add("state", .array(state)); o.add("entities", .array(entities))
        o.add("keys", .array(keys)); o.add("delegations", .array(delegations)); o.add("roles", .array(roles))
        o.add("actions", .array(actions)); o.add("claim", claim); o.add("assumptions", .array(assumptions))
        o.add("invariants", .array(invariants)); o.add("minCoalition", .int(minCoalition)); o.add("loc", loc.json)
        self.json = o.json
        self.diags = diags + roleUseDiagnostics(roleUses, declared: signatures)
        self.roleSignatures = signatures
        Registry.shared.add(self)  // discovery by construction (Registry.swift)
    }
}

/// Declares the model's state variables: `Flag`s, `IntVar`s and `AccountMap`s declared at top level.
public struct State: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `variables` as this model's state.
    public init(_ variables: any StateReference..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = Loc(file: file, line: line, column: column)
        items = variables.enumerated().map { i, v in
            if let d = v.stateReference.decl { return .state(d) }
            return .diagnostic(Diag(loc: loc, message:
                "State(...) argument \(i + 1) is not a declared variable (declare it with Flag, IntVar or AccountMap)"))
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
        let loc = Loc(file: file, line: line, column: column)
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
        let loc = Loc(file: file, line: line, column: column)
        items = keys.map { k in
            k.isDeclaration ? .key(k) : .diagnostic(Diag(loc: loc, message:
                "Keys(...) needs key declarations `Key(\"\(k.name)\", heldBy: ...)`, not the name \"\(k.name)\""))
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
        item = .delegation(key: key.name, entity: entity.name, loc: Loc(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [item]) }
}

/// Declares the model's roles.
public struct Roles: ModelComponent, Sendable {
    let items: [ModelItem]
    /// Declares `roles` in this model.
    public init(_ roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = Loc(file: file, line: line, column: column)
        items = roles.map { r in
            r.node != nil ? .role(r) : .diagnostic(Diag(loc: loc, message:
                "Roles(...) needs role declarations such as `Role.multisig(...)`, not the name \"\(r.name)\""))
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
        self.size = size; self.loc = Loc(file: file, line: line, column: column)
    }
    let loc: Loc
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.minCoalition(size, loc: loc)]) }
}

/// A privileged action: callable by any of `roles`.
public struct Action: ModelComponent, Sendable {
    let node: ActionNode

    /// Declares an action without parameters.
    public init(_ name: String, by roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column,
                @ActionBuilder _ body: () -> ActionPart) {
        var n = buildAction(name: name, by: roles.map(\.name), user: false, loc: Loc(file: file, line: line, column: column),
                            context: ActionContext(), part: body())
        n.roleUses = roles.map { $0.use(at: n.loc, "action '\(name)'") }
        node = n
    }

    /// Declares an action whose body declares parameters through `ctx`.
    public init(_ name: String, by roles: Role..., file: String = #filePath, line: Int = #line, column: Int = #column,
                @ActionBuilder _ body: (ActionContext) -> ActionPart) {
        let ctx = ActionContext()
        let part = body(ctx)
        var n = buildAction(name: name, by: roles.map(\.name), user: false, loc: Loc(file: file, line: line, column: column),
                            context: ctx, part: part)
        n.roleUses = roles.map { $0.use(at: n.loc, "action '\(name)'") }
        node = n
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.action(node)]) }
}

/// An action any user account may call; `ctx.caller` is that account.
public struct UserAction: ModelComponent, Sendable {
    let node: ActionNode

    /// Declares a user action without parameters.
    public init(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
                @ActionBuilder _ body: () -> ActionPart) {
        node = buildAction(name: name, by: [], user: true, loc: Loc(file: file, line: line, column: column),
                           context: ActionContext(), part: body())
    }

    /// Declares a user action whose body uses `ctx.caller` and declares parameters through `ctx`.
    public init(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column,
                @ActionBuilder _ body: (ActionContext) -> ActionPart) {
        let ctx = ActionContext()
        let part = body(ctx)
        node = buildAction(name: name, by: [], user: true, loc: Loc(file: file, line: line, column: column),
                           context: ctx, part: part)
    }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.action(node)]) }
}

/// What account `a` owns; lowering it through someone else's action is collateral loss.
public struct Claim: ModelComponent, Sendable {
    let node: AssertionNode
    /// Declares the per-account claim.
    public init(file: String = #filePath, line: Int = #line, column: Int = #column, _ claim: (AccountExpr) -> IntExpr) {
        node = AssertionNode(name: "claim", expr: claim(AccountExpr(node: .account)).node,
                             loc: Loc(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.claim(node)]) }
}

/// A named assumption about the initial state (in a model) or about the scenario (in an incident).
public struct Assume: ModelComponent, Sendable {
    let node: AssertionNode
    /// Assumes `condition`.
    public init(_ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        node = AssertionNode(name: name, expr: condition.node, loc: Loc(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.assumption(node)]) }
}

/// A named invariant of a model or a procedure.
public struct Invariant: ModelComponent, Sendable {
    let node: AssertionNode
    /// Requires `condition` to hold in every reachable state.
    public init(_ name: String, _ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        node = AssertionNode(name: name, expr: condition.node, loc: Loc(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.invariant(node)]) }
}
