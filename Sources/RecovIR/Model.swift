/// A protocol: state, authority structure, actions, the per-account claim and invariants.
public struct Model: Codable, Hashable, Sendable {
    public var name: String
    public var state: [StateVar]
    public var entities: [EntityDecl]
    public var keys: [KeyDecl]
    public var delegations: [Delegation]
    public var roles: [Role]
    public var actions: [Action]
    /// What account `account` owns; lowering it through someone else's action is collateral loss.
    public var claim: Assertion?
    /// When the claim is a pro-rata share of a pool (`claim.expr == redeemable.expr`).
    public var redeemable: RedeemableClaim?
    public var assumptions: [Assertion]
    public var invariants: [Assertion]
    /// The smallest coalition of entities allowed to satisfy a privileged role (2: no single entity).
    public var minCoalition: Int
    public var loc: SourceLocation

    public init(name: String, loc: SourceLocation) {
        self.name = name
        self.state = []
        self.entities = []
        self.keys = []
        self.delegations = []
        self.roles = []
        self.actions = []
        self.claim = nil
        self.redeemable = nil
        self.assumptions = []
        self.invariants = []
        self.minCoalition = 2
        self.loc = loc
    }

    public func variable(_ name: String) -> StateVar? { state.first { $0.name == name } }
    public func role(_ name: String) -> Role? { roles.first { $0.name == name } }

    /// The smallest coalition allowed to satisfy `role`: 1 for a role accepted as unilateral, its
    /// own `minCoalition` when it has one, else the model's.
    public func minCoalition(of role: Role) -> Int {
        role.allowUnilateral != nil ? 1 : (role.minCoalition ?? minCoalition)
    }
    public func action(_ name: String) -> Action? { actions.first { $0.name == name } }
}
