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
