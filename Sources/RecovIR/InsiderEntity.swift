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
