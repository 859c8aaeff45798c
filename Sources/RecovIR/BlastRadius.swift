/// A value-at-risk budget: `loss` may grow by at most `max` over any trace or, with `per`, within
/// any window of `per` seconds (docs/semantics.md, *Budgets per period*).
public struct BlastRadius: Codable, Hashable, Sendable {
    /// How the windows of a per-period budget are laid out.
    public enum WindowKind: String, Codable, Hashable, Sendable {
        /// Every window of `per` seconds, wherever it starts: any two states less than `per` apart.
        case rolling
        /// `[trigger + k·per, trigger + (k+1)·per)` for k = 0, 1, ...: windows aligned to the trigger time.
        case fixed
    }
    public var loss: Expr
    public var max: Int
    /// The window length in seconds; nil: the whole trace, measured from the trigger.
    public var per: Int?
    /// The windows' layout; the decoder makes it `.rolling` when `per` is given without it.
    public var window: WindowKind?
    public var loc: SourceLocation

    private enum CodingKeys: String, CodingKey { case loss, max, per, window, loc }

    public init(loss: Expr, max: Int, per: Int? = nil, window: WindowKind? = nil, loc: SourceLocation) {
        self.loss = loss
        self.max = max
        self.per = per
        self.window = window
        self.loc = loc
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        loss = try c.decode(Expr.self, forKey: .loss)
        max = try c.decode(Int.self, forKey: .max)
        per = try c.decodeIfPresent(Int.self, forKey: .per)
        window = try c.decodeIfPresent(WindowKind.self, forKey: .window)
        if per != nil && window == nil { window = .rolling }
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    /// The windows' layout when the budget is per period, nil for a whole-trace budget.
    public var windowKind: WindowKind? { per == nil ? nil : (window ?? .rolling) }
}
