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
