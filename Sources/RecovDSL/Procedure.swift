// Procedures: trigger, ordered steps with declared bounds, and budgets.
import RecovIR

enum ProcedureItem: Sendable {
    case trigger(Assertion)
    case step(RecovIR.Step, RoleUse)
    case containment(Assertion, budget: Int?)
    case blastRadius(RecovIR.BlastRadius)
    case window(Int, loc: SourceLocation)
    case invariant(Assertion)
    case diagnostic(Diag)
}

/// Declarations of a procedure body (opaque).
public struct ProcedurePart: Sendable {
    let items: [ProcedureItem]
}

/// Something that can appear in a `Procedure { ... }` body.
public protocol ProcedureComponent {
    /// The declarations it contributes.
    var procedurePart: ProcedurePart { get }
}

/// Builds a procedure body.
@resultBuilder
public enum ProcedureBuilder {
    /// One declaration.
    public static func buildExpression(_ c: any ProcedureComponent) -> ProcedurePart { c.procedurePart }
    /// An empty body.
    public static func buildBlock() -> ProcedurePart { ProcedurePart(items: []) }
    /// The first declaration.
    public static func buildPartialBlock(first: ProcedurePart) -> ProcedurePart { first }
    /// The next declaration.
    public static func buildPartialBlock(accumulated: ProcedurePart, next: ProcedurePart) -> ProcedurePart {
        ProcedurePart(items: accumulated.items + next.items)
    }
    /// `if` without `else`.
    public static func buildOptional(_ c: ProcedurePart?) -> ProcedurePart { c ?? ProcedurePart(items: []) }
    /// `if`/`else`, first branch.
    public static func buildEither(first c: ProcedurePart) -> ProcedurePart { c }
    /// `if`/`else`, second branch.
    public static func buildEither(second c: ProcedurePart) -> ProcedurePart { c }
    /// `for` loops.
    public static func buildArray(_ cs: [ProcedurePart]) -> ProcedurePart { ProcedurePart(items: cs.flatMap(\.items)) }
}

/// A recovery procedure for one incident of one model.
public struct Procedure: Sendable {
    /// The procedure's name.
    public let name: String
    /// The model it recovers.
    public let model: Model
    /// The incident it responds to.
    public let incident: Incident
    let loc: SourceLocation
    /// The procedure's IR.
    let ir: RecovIR.Procedure
    let diags: [Diag]
    /// Its creation number in this program (`Registry`), which tells two procedures of one name
    /// made at one call site apart.
    let serial: Int

    /// Declares a procedure. A helper function that builds procedures may forward its caller's
    /// `file:line:`; `callFile`/`callLine` are left to their defaults (this call's own line, which
    /// the never-created check looks for).
    public init(
        _ name: String, model: Model, incident: Incident,
        file: String = #filePath, line: Int = #line, column: Int = #column,
        callFile: String = #filePath, callLine: Int = #line,
        @ProcedureBuilder _ body: () -> ProcedurePart
    ) {
        self.name = name
        self.model = model
        self.incident = incident
        let loc = SourceLocation(file: file, line: line, column: column)
        self.loc = loc
        self.serial = Registry.shared.nextSerial()
        var trigger: Assertion? = nil
        var p = RecovIR.Procedure(
            name: name, model: model.name, incident: incident.name,
            trigger: Assertion(name: "trigger", expr: .bool(false), loc: loc), loc: loc)
        if callFile != file || callLine != line {
            p.createdAt = SourceLocation(file: callFile, line: callLine, column: column)
        }
        var diags: [Diag] = []
        for item in body().items {
            switch item {
            case .trigger(let a):
                if trigger != nil {
                    diags.append(Diag(loc: a.loc, message: "procedure '\(name)' has more than one Trigger"))
                }
                trigger = a
            case .step(let s, let use):
                p.steps.append(s)
                diags += roleUseDiagnostics([use], declared: model.roleSignatures)
            case .containment(let a, let b):
                // One containment, blast radius and window per procedure: a second one is an
                // error at its own line, never a silent replacement of the first.
                if p.containment != nil {
                    diags.append(
                        Diag(
                            loc: a.loc,
                            message: "procedure '\(name)' has more than one Containment (only one is allowed)"))
                }
                p.containment = a
                p.containmentBudget = b
            case .blastRadius(let b):
                if p.blastRadius != nil {
                    diags.append(
                        Diag(
                            loc: b.loc,
                            message: "procedure '\(name)' has more than one BlastRadius (only one is allowed)"))
                }
                p.blastRadius = b
            case .window(let w, let l):
                if p.window != nil {
                    diags.append(
                        Diag(loc: l, message: "procedure '\(name)' has more than one Window (only one is allowed)"))
                }
                p.window = w
            case .invariant(let a): p.invariants.append(a)
            case .diagnostic(let d): diags.append(d)
            }
        }
        if let trigger {
            p.trigger = trigger
        } else {
            diags.append(Diag(loc: loc, message: "procedure '\(name)' has no Trigger(...)"))
        }
        if incident.model.name != model.name {
            diags.append(
                Diag(
                    loc: loc,
                    message:
                        "procedure '\(name)' is for model '\(model.name)' but incident '\(incident.name)' is of model '\(incident.model.name)'"
                ))
        }
        self.ir = p
        self.diags = diags
        Registry.shared.add(self)  // discovery by construction (Registry.swift)
    }
}
