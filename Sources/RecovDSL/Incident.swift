// Incidents: what the adversary can do in one scenario.
import RecovIR

enum IncidentItem: Sendable {
    case compromised(String)
    case insider(String, SourceLocation)
    case attack(ActionNode)
    case oracle(target: String, min: Int, max: Int, loc: SourceLocation)
    case borrowable(role: String, amount: Int, loc: SourceLocation)
    case assumption(Assertion)
    case diagnostic(Diag)
    case roleUse(RoleUse)
}

/// Declarations of an incident body (opaque).
public struct IncidentPart: Sendable {
    let items: [IncidentItem]
}

/// Something that can appear in an `Incident { ... }` body.
public protocol IncidentComponent {
    /// The declarations it contributes.
    var incidentPart: IncidentPart { get }
}

/// Builds an incident body.
@resultBuilder
public enum IncidentBuilder {
    /// One declaration.
    public static func buildExpression(_ c: any IncidentComponent) -> IncidentPart { c.incidentPart }
    /// An empty body.
    public static func buildBlock() -> IncidentPart { IncidentPart(items: []) }
    /// The first declaration.
    public static func buildPartialBlock(first: IncidentPart) -> IncidentPart { first }
    /// The next declaration.
    public static func buildPartialBlock(accumulated: IncidentPart, next: IncidentPart) -> IncidentPart {
        IncidentPart(items: accumulated.items + next.items)
    }
    /// `if` without `else`.
    public static func buildOptional(_ c: IncidentPart?) -> IncidentPart { c ?? IncidentPart(items: []) }
    /// `if`/`else`, first branch.
    public static func buildEither(first c: IncidentPart) -> IncidentPart { c }
    /// `if`/`else`, second branch.
    public static func buildEither(second c: IncidentPart) -> IncidentPart { c }
    /// `for` loops.
    public static func buildArray(_ cs: [IncidentPart]) -> IncidentPart { IncidentPart(items: cs.flatMap(\.items)) }
}

/// An incident scenario of a model.
public struct Incident: Sendable {
    /// The incident's name.
    public let name: String
    /// The model it attacks.
    public let model: Model
    let loc: SourceLocation
    /// The incident's IR.
    let ir: RecovIR.Incident
    let diags: [Diag]

    /// Declares an incident of `model`.
    public init(
        _ name: String, model: Model, file: String = #filePath, line: Int = #line, column: Int = #column,
        @IncidentBuilder _ body: () -> IncidentPart
    ) {
        self.name = name
        self.model = model
        let loc = SourceLocation(file: file, line: line, column: column)
        self.loc = loc
        var i = RecovIR.Incident(name: name, model: model.name, loc: loc)
        var diags: [Diag] = []
        for item in body().items {
            switch item {
            case .compromised(let e): i.compromised.append(e)
            case .insider(let e, let l): i.insiders.append(InsiderEntity(entity: e, loc: l))
            case .attack(let a):
                i.attacks.append(a.ir)
                diags += a.diags
                diags += limitUseDiagnostics(a.limitUses, declared: model.rateLimits, model: model.name)
            case .oracle(let t, let lo, let hi, let l):
                i.oracles.append(OracleMove(target: t, min: lo, max: hi, loc: l))
            case .borrowable(let r, let amount, let l):
                i.borrowable.append(BorrowablePower(role: r, amount: amount, loc: l))
            case .assumption(let a): i.assumptions.append(a)
            case .diagnostic(let d): diags.append(d)
            case .roleUse(let u): diags += roleUseDiagnostics([u], declared: model.roleSignatures)
            }
        }
        self.ir = i
        self.diags = diags
        Registry.shared.add(self)  // discovery by construction (Registry.swift)
    }
}
