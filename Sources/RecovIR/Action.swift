/// A transition of the model: who may call it, its parameters, guard and effects.
public struct Action: Codable, Hashable, Sendable {
    public var name: String
    /// Roles allowed to call it.
    public var by: [String]
    /// Whether any user account may call it (its account is the parameter `caller`).
    public var user: Bool
    public var params: [Param]
    public var guardExpr: Expr
    public var effects: [Effect]
    /// When this holds (it may use `account`), this action may lower that account's claim.
    public var allowedReduction: Expr?
    /// For attack actions: the condition under which the attack is live.
    public var live: Expr?
    public var loc: SourceLocation

    private enum CodingKeys: String, CodingKey {
        case name, by, user, params
        case guardExpr = "guard"
        case effects, allowedReduction, live, loc
    }

    public init(
        name: String, by: [String] = [], user: Bool = false, params: [Param] = [], guardExpr: Expr = .bool(true),
        effects: [Effect] = [], allowedReduction: Expr? = nil, live: Expr? = nil, loc: SourceLocation
    ) {
        self.name = name
        self.by = by
        self.user = user
        self.params = params
        self.guardExpr = guardExpr
        self.effects = effects
        self.allowedReduction = allowedReduction
        self.live = live
        self.loc = loc
    }

    /// What this action writes: state variables (map names for map writes), keys it rotates or
    /// grants, and roles whose threshold it sets.
    public var writeSet: Set<String> {
        Set(effects.map(\.change.written))
    }
}
