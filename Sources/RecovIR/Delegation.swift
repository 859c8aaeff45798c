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
