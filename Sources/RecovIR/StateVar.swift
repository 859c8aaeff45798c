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
