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
