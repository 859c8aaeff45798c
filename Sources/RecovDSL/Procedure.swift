// Procedures: trigger, ordered steps with declared bounds, and budgets.
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

/// Builds a step body from `Writes`, `Range`, `MaxChange` and `MaxDuration`.
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

/// Something a step may write: a state variable (`Flag`, `IntVar`, `AccountMap`), a `Key`
/// (rotation, grant, revoke) or a `Role` (threshold change).
public protocol WriteTarget {
    /// The name written, or nil when this is not a declared variable, key or role.
    var writeTargetName: String? { get }
}

extension StateReference {
    /// The declared variable's name.
    public var writeTargetName: String? { stateReference.decl?.name }
}

extension IntExpr: WriteTarget {}
extension BoolExpr: WriteTarget {}
extension AccountMap: WriteTarget {}

extension Key: WriteTarget {
    /// The key's name: changing its holder or its allowlist is a write to it.
    public var writeTargetName: String? { name }
}

extension Role: WriteTarget {
    /// The role's name: changing its threshold is a write to it.
    public var writeTargetName: String? { name }
}

/// What a step is allowed to write: variables (map names for maps), keys and roles.
public struct Writes: StepComponent, Sendable {
    let items: [StepItem]
    /// Declares the write set.
    public init(_ targets: any WriteTarget..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = targets.enumerated().flatMap { i, v -> [StepItem] in
            // A rate limit is two variables: what was spent and the window it was spent in.
            if let limit = v as? RateLimit { return [.writes("\(limit.name).used"), .writes("\(limit.name).window")] }
            if let name = v.writeTargetName { return [.writes(name)] }
            return [
                .diagnostic(
                    Diag(loc: loc, message: "Writes(...) argument \(i + 1) is not a declared variable, key or role"))
            ]
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: items) }
}

/// `target` stays within `range` after the step.
public struct InRange: StepComponent, Sendable {
    let item: StepItem
    /// Declares a range bound.
    public init(
        _ target: IntExpr, _ range: ClosedRange<Int>, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        let loc = SourceLocation(file: file, line: line, column: column)
        if let d = target.decl {
            item = .bound(Bound(.range(target: d.name, min: range.lowerBound, max: range.upperBound), loc: loc))
        } else {
            item = .diagnostic(
                Diag(loc: loc, message: "InRange(...) needs an integer state variable declared with IntVar"))
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [item]) }
}

/// `target` changes by at most `amount` in the step.
public struct MaxChange: StepComponent, Sendable {
    let item: StepItem
    /// Declares a max-change bound.
    public init(_ target: IntExpr, _ amount: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        if let d = target.decl {
            item = .bound(Bound(.maxChange(target: d.name, amount: amount), loc: loc))
        } else {
            item = .diagnostic(
                Diag(loc: loc, message: "MaxChange(...) needs an integer state variable declared with IntVar"))
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [item]) }
}

/// `condition` (e.g. `paused`) is false again at most `duration` seconds after the step.
public struct MaxDuration: StepComponent, Sendable {
    let bound: Bound
    /// Declares a max-duration bound.
    public init(
        _ condition: BoolExpr, _ duration: Int, file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        bound = Bound(
            .maxDuration(expr: condition.node, duration: duration),
            loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: [.bound(bound)]) }
}

/// A value for a step's action parameter: an integer, boolean or expression.
public struct StepArgument: ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, Sendable {
    let node: Expr
    /// An integer literal.
    public init(integerLiteral value: Int) { node = .int(value) }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { node = .bool(value) }
    /// An integer expression.
    public init(_ value: IntExpr) { node = value.node }
    /// A boolean expression.
    public init(_ value: BoolExpr) { node = value.node }
    /// An account expression.
    public init(_ value: AccountExpr) { node = value.node }
}

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

/// The detection condition: it holds when the procedure starts.
public struct Trigger: ProcedureComponent, Sendable {
    let node: Assertion
    /// Declares the trigger.
    public init(_ condition: BoolExpr, file: String = #filePath, line: Int = #line, column: Int = #column) {
        node = Assertion(
            name: "trigger", expr: condition.node, loc: SourceLocation(file: file, line: line, column: column))
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.trigger(node)]) }
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

/// The state the procedure must reach (e.g. `paused`), within `budget` seconds of the trigger.
public struct Containment: ProcedureComponent, Sendable {
    let item: ProcedureItem
    /// Declares the containment predicate and its time budget.
    public init(
        _ condition: BoolExpr, within budget: Int? = nil, file: String = #filePath, line: Int = #line,
        column: Int = #column
    ) {
        item = .containment(
            Assertion(
                name: "containment", expr: condition.node, loc: SourceLocation(file: file, line: line, column: column)),
            budget: budget)
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [item]) }
}

/// How the windows of a per-period budget are laid out: `.rolling` (every window of `per`
/// seconds, wherever it starts) or `.fixed` (windows aligned to the trigger time).
public typealias BudgetWindow = RecovIR.BlastRadius.WindowKind

/// A value-at-risk budget: `loss` may grow by at most `max` over any trace, or with `per:` within
/// any window of `per` seconds (`BlastRadius(loss: stolen, max: 50_000_000, per: day, window: .rolling)`).
public struct BlastRadius: ProcedureComponent, Sendable {
    let item: ProcedureItem
    /// Declares the budget: over the whole trace, or per window of `per` seconds (`window:`
    /// `.rolling` by default, or `.fixed`; `window:` without `per:` is an error).
    public init(
        loss: IntExpr, max: Int, per: Int? = nil, window: BudgetWindow? = nil,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        item = .blastRadius(
            RecovIR.BlastRadius(
                loss: loss.node, max: max, per: per, window: per == nil ? window : (window ?? .rolling),
                loc: SourceLocation(file: file, line: line, column: column)))
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [item]) }
}

/// Seconds after the trigger by which every step must have run.
public struct Window: ProcedureComponent, Sendable {
    let seconds: Int
    let loc: SourceLocation
    /// Declares the window.
    public init(_ seconds: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.seconds = seconds
        self.loc = SourceLocation(file: file, line: line, column: column)
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.window(seconds, loc: loc)]) }
}

extension Invariant: ProcedureComponent {
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.invariant(node)]) }
}
