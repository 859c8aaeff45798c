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
