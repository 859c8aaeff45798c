import RecovIR

enum StepItem: Sendable {
    case writes(String)
    case bound(Bound)
    case diagnostic(Diag)
}

/// Declarations of a step body (opaque).
public struct StepPart: Sendable {
    let items: [StepItem]
}

/// Something that can appear in a `Step { ... }` body.
public protocol StepComponent {
    /// The declarations it contributes.
    var stepPart: StepPart { get }
}

/// Builds a step body from `Writes`, `InRange`, `MaxChange` and `MaxDuration`.
@resultBuilder
public enum StepBuilder {
    /// One declaration.
    public static func buildExpression(_ c: any StepComponent) -> StepPart { c.stepPart }
    /// An empty body.
    public static func buildBlock() -> StepPart { StepPart(items: []) }
    /// The first declaration.
    public static func buildPartialBlock(first: StepPart) -> StepPart { first }
    /// The next declaration.
    public static func buildPartialBlock(accumulated: StepPart, next: StepPart) -> StepPart {
        StepPart(items: accumulated.items + next.items)
    }
    /// `if` without `else`.
    public static func buildOptional(_ c: StepPart?) -> StepPart { c ?? StepPart(items: []) }
    /// `if`/`else`, first branch.
    public static func buildEither(first c: StepPart) -> StepPart { c }
    /// `if`/`else`, second branch.
    public static func buildEither(second c: StepPart) -> StepPart { c }
    /// `for` loops.
    public static func buildArray(_ cs: [StepPart]) -> StepPart { StepPart(items: cs.flatMap(\.items)) }
}

/// A step: the privileged action `action` run with authority `role`, `after` seconds (at the
/// earliest) and `within` seconds (at the latest) after the previous step or the trigger.
public struct Step: ProcedureComponent, Sendable {
    let node: RecovIR.Step
    /// Declares a step.
    public init(
        _ name: String, action: String, by role: Role, after: Int = 0, within: Int? = nil,
        args: KeyValuePairs<String, StepArgument> = [:],
        file: String = #filePath, line: Int = #line, column: Int = #column,
        @StepBuilder _ body: () -> StepPart = { StepBuilder.buildBlock() }
    ) {
        var n = RecovIR.Step(
            name: name, action: action, role: role.name,
            args: args.map { RecovIR.Step.Argument(name: $0.key, value: $0.value.node) },
            after: after, within: within, loc: SourceLocation(file: file, line: line, column: column))
        var diags: [Diag] = []
        for item in body().items {
            switch item {
            case .writes(let w): n.writes.append(w)
            case .bound(let b): n.bounds.append(b)
            case .diagnostic(let d): diags.append(d)
            }
        }
        node = n
        self.diags = diags
        self.roleUse = role.use(at: n.loc, "step '\(name)'")
    }
    let diags: [Diag]
    let roleUse: RoleUse
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart {
        ProcedurePart(items: [.step(node, roleUse)] + diags.map { .diagnostic($0) })
    }
}
