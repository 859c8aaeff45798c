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
