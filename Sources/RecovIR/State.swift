/// A (key, entity) pair: `entity` may sign with `key`.
public struct Grant: Hashable, Sendable, Codable, Comparable {
    public var key: String
    public var entity: String
    public init(key: String, entity: String) { self.key = key; self.entity = entity }
    public static func < (a: Grant, b: Grant) -> Bool { (a.key, a.entity) < (b.key, b.entity) }
}

/// A concrete protocol state, including the procedure's progress and the authority tables.
public struct State: Hashable, Sendable, Codable {
    public var ints: [String: Int] = [:]
    public var bools: [String: Bool] = [:]
    /// Per-account values, for the accounts a trace touches.
    public var maps: [String: [Int: Int]] = [:]
    public var now: Int = 0
    /// Index of the next procedure step (steps run in order).
    public var pc: Int = 0
    /// When the procedure was triggered.
    public var triggerTime: Int = 0
    /// When the previous step ran (the trigger time before the first step).
    public var lastStepTime: Int = 0
    /// When each step ran, once it has.
    public var stepTimes: [Int?] = []
    /// Whether the containment condition has held at some point.
    public var contained: Bool = false
    /// Current holder of each key.
    public var holders: [String: String] = [:]
    /// Current allowlist/delegation entries (encoded sorted).
    @SortedGrants public var grants: Set<Grant> = []
    /// Current threshold of each multisig role.
    public var thresholds: [String: Int] = [:]

    public init() {}
}

/// What a transition of a trace did.
public struct Transition: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Time passes by `duration` seconds.
        case tick
        /// The procedure's next step runs with its authority.
        case step
        /// A user account (or anyone, for permissionless actions) calls a model action.
        case action
        /// The attacker runs an attack action of the incident.
        case attack
        /// The attacker exercises a privileged action with authority it holds.
        case privileged
        /// An oracle-fed variable moves.
        case oracle
        /// The coalition under test (in a `no-unilateral-control` check) uses a role it is allowed to
        /// hold alone (`allowUnilateral`) — the first move of an escalation.
        case coalition
    }
    public var kind: Kind
    /// Action, step or oracle variable name.
    public var name: String
    public var stepIndex: Int?
    /// The calling user account, for user actions.
    public var caller: Int?
    /// The role exercised, for steps and privileged actions.
    public var role: String?
    public var args: [String: Value]
    public var duration: Int?
    /// For `coalition` moves: the coalition's honest entities, and whether the attacker is in it.
    public var coalition: [String]?
    public var attackerInCoalition: Bool?

    public init(kind: Kind, name: String, stepIndex: Int? = nil, caller: Int? = nil, role: String? = nil, args: [String: Value] = [:], duration: Int? = nil) {
        self.kind = kind; self.name = name; self.stepIndex = stepIndex; self.caller = caller; self.role = role; self.args = args; self.duration = duration
    }
}
