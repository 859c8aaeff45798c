/// The IR wire format version this build reads and writes.
public let irVersion = 1

/// Everything loaded from a set of spec and model files: the unit the checker works on.
public struct Program: Codable, Hashable, Sendable {
    public var version: Int
    public var models: [Model]
    public var incidents: [Incident]
    public var procedures: [Procedure]

    public init(
        version: Int = irVersion, models: [Model] = [], incidents: [Incident] = [], procedures: [Procedure] = []
    ) {
        self.version = version
        self.models = models
        self.incidents = incidents
        self.procedures = procedures
    }

    public func model(named name: String) -> Model? { models.first { $0.name == name } }
    public func incident(named name: String) -> Incident? { incidents.first { $0.name == name } }
    /// The procedure called `name` (the first, should two share it: validation rejects that).
    public func procedure(named name: String) -> Procedure? { procedures.first { $0.name == name } }
}

/// The type of a state variable.
public enum VarType: String, Codable, Hashable, Sendable {
    /// A bounded integer (an amount, a price, a counter).
    case int
    /// A boolean flag.
    case bool
    /// A per-account integer amount, `map[account]`.
    case map
}

/// A state variable of a model.
public struct StateVar: Codable, Hashable, Sendable {
    public var name: String
    public var type: VarType
    /// Inclusive bounds for `int` and `map` (each account's value); the initial state lies inside.
    public var min: Int?
    public var max: Int?
    /// A fixed initial value; when absent the initial value is symbolic within the bounds.
    public var initial: Expr?
    public var loc: SourceLocation

    public init(
        name: String, type: VarType, min: Int? = nil, max: Int? = nil, initial: Expr? = nil, loc: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.min = min
        self.max = max
        self.initial = initial
        self.loc = loc
    }
}

/// A person, firm or DAO: the unit of control the checker counts.
public struct EntityDecl: Codable, Hashable, Sendable {
    public var name: String
    public var loc: SourceLocation
    public init(name: String, loc: SourceLocation) {
        self.name = name
        self.loc = loc
    }
}

/// A signing key and the entity that holds it.
public struct KeyDecl: Codable, Hashable, Sendable {
    public var name: String
    public var holder: String
    public var loc: SourceLocation
    public init(name: String, holder: String, loc: SourceLocation) {
        self.name = name
        self.holder = holder
        self.loc = loc
    }
}

/// An allowlist entry or delegation: `entity` may sign with `key`'s power besides its holder.
public struct Delegation: Codable, Hashable, Sendable {
    public var key: String
    public var entity: String
    public var loc: SourceLocation
    public init(key: String, entity: String, loc: SourceLocation) {
        self.key = key
        self.entity = entity
        self.loc = loc
    }
}

/// A rational number `num/den`, for quorums and supermajorities.
public struct Fraction: Codable, Hashable, Sendable, CustomStringConvertible {
    public var num: Int
    public var den: Int
    public init(_ num: Int, _ den: Int) {
        self.num = num
        self.den = den
    }
    public var description: String { "\(num)/\(den)" }
}

/// One entity's share of governance voting power.
public struct VotingPower: Codable, Hashable, Sendable {
    public var entity: String
    public var power: Int
    public init(entity: String, power: Int) {
        self.entity = entity
        self.power = power
    }
}

/// An action parameter: symbolic within its bounds unless a procedure step fixes it.
public struct Param: Codable, Hashable, Sendable {
    /// `entity`: one of the model's entities, chosen by the caller (its value is the entity's
    /// index in `Model.entities`); it names the new holder of `RotateKey(key, to:)` or `Grant(key, to:)`.
    public enum ParamType: String, Codable, Hashable, Sendable { case int, bool, account, entity }
    public var name: String
    public var type: ParamType
    public var min: Int?
    public var max: Int?
    public var loc: SourceLocation
    public init(name: String, type: ParamType, min: Int? = nil, max: Int? = nil, loc: SourceLocation) {
        self.name = name
        self.type = type
        self.min = min
        self.max = max
        self.loc = loc
    }
}

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

/// A named predicate: an assumption, invariant, trigger or containment condition.
public struct Assertion: Codable, Hashable, Sendable {
    public var name: String
    public var expr: Expr
    public var loc: SourceLocation
    public init(name: String, expr: Expr, loc: SourceLocation) {
        self.name = name
        self.expr = expr
        self.loc = loc
    }
}

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

/// An environment move that sets an oracle-fed variable to any value in a range.
public struct OracleMove: Codable, Hashable, Sendable {
    public var target: String
    public var min: Int
    public var max: Int
    public var loc: SourceLocation
    public init(target: String, min: Int, max: Int, loc: SourceLocation) {
        self.target = target
        self.min = min
        self.max = max
        self.loc = loc
    }
}

/// Voting power an attacker can borrow within one block (a flash loan) for a governance role.
public struct BorrowablePower: Codable, Hashable, Sendable {
    public var role: String
    public var amount: Int
    public var loc: SourceLocation
    public init(role: String, amount: Int, loc: SourceLocation) {
        self.role = role
        self.amount = amount
        self.loc = loc
    }
}

/// What the adversary can do in one scenario.
public struct Incident: Codable, Hashable, Sendable {
    public var name: String
    public var model: String
    /// Entities whose keys the attacker holds; together with the attacker they count as one entity.
    public var compromised: [String]
    /// Entities that may act alone outside the procedure with their own authority (`Insider`):
    /// honest for the procedure and for `no-unilateral-control`, not part of the attacker.
    public var insiders: [InsiderEntity]
    /// Attack actions, callable by the attacker while their `live` condition holds.
    public var attacks: [Action]
    public var oracles: [OracleMove]
    public var borrowable: [BorrowablePower]
    public var assumptions: [Assertion]
    public var loc: SourceLocation

    public init(name: String, model: String, loc: SourceLocation) {
        self.name = name
        self.model = model
        self.compromised = []
        self.insiders = []
        self.attacks = []
        self.oracles = []
        self.borrowable = []
        self.assumptions = []
        self.loc = loc
    }

    private enum CodingKeys: String, CodingKey {
        case name, model, compromised, insiders, attacks, oracles, borrowable, assumptions, loc
    }

    // `insiders` is optional on the wire: IR written before it decodes as before, and an incident
    // without insiders encodes exactly as before.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        model = try c.decode(String.self, forKey: .model)
        compromised = try c.decode([String].self, forKey: .compromised)
        insiders = try c.decodeIfPresent([InsiderEntity].self, forKey: .insiders) ?? []
        attacks = try c.decode([Action].self, forKey: .attacks)
        oracles = try c.decode([OracleMove].self, forKey: .oracles)
        borrowable = try c.decode([BorrowablePower].self, forKey: .borrowable)
        assumptions = try c.decode([Assertion].self, forKey: .assumptions)
        loc = try c.decode(SourceLocation.self, forKey: .loc)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(model, forKey: .model)
        try c.encode(compromised, forKey: .compromised)
        if !insiders.isEmpty { try c.encode(insiders, forKey: .insiders) }
        try c.encode(attacks, forKey: .attacks)
        try c.encode(oracles, forKey: .oracles)
        try c.encode(borrowable, forKey: .borrowable)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(loc, forKey: .loc)
    }
}

/// An entity of the model that may, at any time, take alone every privileged action its own
/// authority allows, outside the procedure (a careless or malicious admin): `Insider(entity)`.
public struct InsiderEntity: Codable, Hashable, Sendable {
    public var entity: String
    public var loc: SourceLocation
    public init(entity: String, loc: SourceLocation) {
        self.entity = entity
        self.loc = loc
    }
}

/// A step of a procedure: a privileged action run with a named authority, in order.
public struct Step: Codable, Hashable, Sendable {
    public struct Argument: Codable, Hashable, Sendable {
        public var name: String
        public var value: Expr
        public init(name: String, value: Expr) {
            self.name = name
            self.value = value
        }
    }
    public var name: String
    public var action: String
    public var role: String
    public var args: [Argument]
    /// Earliest time, in seconds after the previous step (or the trigger).
    public var after: Int
    /// Latest time, in seconds after the previous step (or the trigger); defaults to `after`.
    public var within: Int?
    /// What the step is allowed to write: state variables (map names for maps), keys, roles.
    public var writes: [String]
    public var bounds: [Bound]
    public var loc: SourceLocation

    public init(
        name: String, action: String, role: String, args: [Argument] = [], after: Int = 0, within: Int? = nil,
        writes: [String] = [], bounds: [Bound] = [], loc: SourceLocation
    ) {
        self.name = name
        self.action = action
        self.role = role
        self.args = args
        self.after = after
        self.within = within
        self.writes = writes
        self.bounds = bounds
        self.loc = loc
    }

    /// The step's deadline relative to the previous step.
    public var deadline: Int { within ?? after }
}

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

/// A recovery procedure for one incident of one model.
public struct Procedure: Codable, Hashable, Sendable {
    public var name: String
    public var model: String
    public var incident: String
    /// The detection condition: it holds when the procedure starts.
    public var trigger: Assertion
    public var steps: [Step]
    /// The state the procedure must reach (e.g. `paused`).
    public var containment: Assertion?
    /// Seconds after the trigger by which containment must hold.
    public var containmentBudget: Int?
    public var blastRadius: BlastRadius?
    /// Seconds after the trigger by which every step must have run.
    public var window: Int?
    public var invariants: [Assertion]
    public var loc: SourceLocation
    /// Where its `Procedure(` call is, when `loc` is elsewhere (the declaration holding a
    /// procedure a helper function built: README, "Procedures built by a helper function").
    public var createdAt: SourceLocation?

    public init(name: String, model: String, incident: String, trigger: Assertion, loc: SourceLocation) {
        self.name = name
        self.model = model
        self.incident = incident
        self.trigger = trigger
        self.steps = []
        self.containment = nil
        self.containmentBudget = nil
        self.blastRadius = nil
        self.window = nil
        self.invariants = []
        self.loc = loc
    }
}
