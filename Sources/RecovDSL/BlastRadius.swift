import RecovIR

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
