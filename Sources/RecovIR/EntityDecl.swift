/// A person, firm or DAO: the unit of control the checker counts.
public struct EntityDecl: Codable, Hashable, Sendable {
    public var name: String
    public var loc: SourceLocation
    public init(name: String, loc: SourceLocation) {
        self.name = name
        self.loc = loc
    }
}
