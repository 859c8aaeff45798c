/// An action parameter: symbolic within its bounds unless a procedure step fixes it.
public struct Param: Codable, Hashable, Sendable {
    /// `entity`: one of the model's entities, chosen by the caller (its value is the entity's
    /// index in `Model.entities`); it names the new holder of `RotateKey(key, to:)` or `Grant(key, to:)`.
    public enum ParamType: String, Codable, Hashable, Sendable { case int, bool, account, entity }
    public var name: String
    public var type: ParamType
    public var min: Int?
    public var max: Int?
    public var loc: SourceLocation
    public init(name: String, type: ParamType, min: Int? = nil, max: Int? = nil, loc: SourceLocation) {
        self.name = name
        self.type = type
        self.min = min
        self.max = max
        self.loc = loc
    }
}
