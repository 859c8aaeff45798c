/// A (key, entity) pair: `entity` may sign with `key`.
public struct Grant: Hashable, Sendable, Codable, Comparable {
    public var key: String
    public var entity: String
    public init(key: String, entity: String) {
        self.key = key
        self.entity = entity
    }
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
