// Rate limits (a bridge's daily withdrawal cap), lowered to ordinary state, guards and assignments
// so that the encoding, the concrete evaluator, replay and the proofs need nothing new
// (docs/semantics.md, "Rate limits").
import RecovIR

/// A cap on what may be spent per fixed window of `per` seconds, as bridges do (Ronin V2's
/// $50M a day): `RateLimit("dailyWithdrawals", max: 50, per: 1 * day)`, used by `Spend` in action
/// and attack bodies.
///
/// Windows are fixed and aligned to time 0: window `k` is `[k·per, (k+1)·per)`, i.e. the current
/// window is `now / per` (Ronin's `block.timestamp / 1 days`). It is lowered to two state
/// variables the reports show: `<name>.used`, what was spent in window `<name>.window`
/// (0...max), and `<name>.window`, the window of the last spend (0...10^15). At the trigger the
/// window is the current one and `used` is anywhere in 0...max (what was spent earlier that
/// window is unknown), unless `usedAtTrigger:` fixes it.
public struct RateLimit: ModelComponent, Sendable {
    /// The limit's name, the prefix of its state variables.
    public let name: String
    /// The most that may be spent in one window.
    public let max: Int
    /// The window's length in seconds.
    public let per: Int
    let loc: SourceLocation
    let items: [ModelItem]

    /// Declares a rate limit of `max` per fixed window of `per` seconds.
    public init(
        _ name: String, max: Int, per: Int, usedAtTrigger: Int? = nil,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.name = name
        self.max = max
        self.per = per
        let loc = SourceLocation(file: file, line: line, column: column)
        self.loc = loc
        var diags: [String] = []
        if max < 0 { diags.append("RateLimit '\(name)': max \(max) is negative (a cap is at least 0)") }
        if max > maxLiteralMagnitude { diags.append("RateLimit '\(name)': max \(max) is above \(maxLiteralMagnitude)") }
        if per < 1 { diags.append("RateLimit '\(name)': per \(per) is below 1 second") }
        if per > maxLiteralMagnitude {
            diags.append("RateLimit '\(name)': per \(per) is above \(maxLiteralMagnitude) seconds")
        }
        if let u = usedAtTrigger, u < 0 || u > max {
            diags.append("RateLimit '\(name)': usedAtTrigger \(u) is outside 0...\(max)")
        }
        if !diags.isEmpty {
            items = diags.map { .diagnostic(Diag(loc: loc, message: $0)) }
            return
        }
        let used = StateVar(
            name: Self.usedName(of: name), type: .int, min: 0, max: max,
            initial: usedAtTrigger.map { .int($0) }, loc: loc)
        let window = StateVar(name: Self.windowName(of: name), type: .int, min: 0, max: maxLiteralMagnitude, loc: loc)
        let current = Assertion(
            name: "\(name): the trigger is in window \(name).window (now / \(per))",
            expr: .apply(.eq, [.variable(window.name), RateLimit.currentWindow(per)]), loc: loc)
        items = [
            .state(used), .state(window), .assumption(current), .rateLimit(name: name, max: max, per: per, loc: loc),
        ]
    }

    /// What was spent in the window of the last spend (`<name>.used`), for invariants and guards.
    public var used: IntExpr { IntExpr(node: .variable(usedName)) }
    /// The window of the last spend, `now / per` then (`<name>.window`).
    public var window: IntExpr { IntExpr(node: .variable(windowName)) }
    /// The state variables the limit is lowered to.
    var usedName: String { Self.usedName(of: name) }
    var windowName: String { Self.windowName(of: name) }
    static func usedName(of limit: String) -> String { "\(limit).used" }
    static func windowName(of limit: String) -> String { "\(limit).window" }

    static func currentWindow(_ per: Int) -> Expr { .apply(.div, [.now, .int(per)]) }

    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: items) }
}

extension RateLimit: WriteTarget {
    /// `<name>.used`; `Writes(limit)` declares both of the limit's variables (a step that spends).
    public var writeTargetName: String? { usedName }
}
