/// The windows of a per-period `BlastRadius` on a concrete trace (docs/semantics.md, *Budgets per
/// period*): which pairs of states one window holds, and the largest loss gained within one.
public struct BudgetWindows: Sendable {
    public let budget: BlastRadius
    /// The window length, seconds (`budget.per`).
    public let per: Int
    public let kind: BlastRadius.WindowKind

    /// Nil for a whole-trace budget.
    public init?(_ budget: BlastRadius) {
        guard let per = budget.per, per > 0, let kind = budget.windowKind else { return nil }
        self.budget = budget
        self.per = per
        self.kind = kind
    }

    /// Whether the states at times `a <= b` lie in one window, the trigger being at `t0 <= a`:
    /// rolling, `b - a < per`; fixed, `⌊(a - t0)/per⌋ == ⌊(b - t0)/per⌋`.
    public func inOneWindow(trigger t0: Int, _ a: Int, _ b: Int) -> Bool {
        switch kind {
        case .rolling: return b.subtractingReportingOverflow(a).partialValue < per
        case .fixed: return (a - t0) / per == (b - t0) / per
        }
    }

    /// The largest gain of a loss within one window ending at the last state.
    public struct Gain: Sendable, Hashable {
        /// The earlier state of the pair (the later one is the last state).
        public var from: Int
        public var before: Int
        public var after: Int
        /// `after - before`, nil when it exceeds 64 bits (then `after > before`).
        public var lost: Int?
        /// The window, in seconds after the trigger: `[start, start + per)`.
        public var start: Int
    }

    /// Over every state `i` in the last state's window, the largest `loss[last] - loss[i]`
    /// (the earliest such `i` on a tie); `losses` and `times` run from the trigger.
    public func largestGain(losses: [Int], times: [Int]) -> Gain? {
        guard let d = losses.indices.last, times.count == losses.count else { return nil }
        let t0 = times[0]
        var best: Gain?
        for i in 0...d where inOneWindow(trigger: t0, times[i], times[d]) {
            let (lost, overflow) = losses[d].subtractingReportingOverflow(losses[i])
            let g = Gain(
                from: i, before: losses[i], after: losses[d], lost: overflow ? nil : lost,
                start: kind == .rolling ? times[i] - t0 : (times[d] - t0) / per * per)
            guard let b = best else {
                best = g
                continue
            }
            // nil (beyond 64 bits, a gain) beats every 64-bit gain.
            if let x = b.lost, g.lost == nil || g.lost! > x { best = g }
        }
        return best
    }

    /// Whether `g` is over the budget.
    public func exceeds(_ g: Gain) -> Bool {
        guard let lost = g.lost else { return g.after > g.before }
        return lost > budget.max
    }
}
