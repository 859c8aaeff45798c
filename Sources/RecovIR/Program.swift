/// The IR wire format version this build reads and writes.
public let irVersion = 1

/// Everything loaded from a set of spec and model files: the unit the checker works on.
public struct Program: Codable, Hashable, Sendable {
    public var version: Int
    public var models: [Model]
    public var incidents: [Incident]
    public var procedures: [Procedure]

    public init(
        version: Int = irVersion, models: [Model] = [], incidents: [Incident] = [], procedures: [Procedure] = []
    ) {
        self.version = version
        self.models = models
        self.incidents = incidents
        self.procedures = procedures
    }

    public func model(named name: String) -> Model? { models.first { $0.name == name } }
    public func incident(named name: String) -> Incident? { incidents.first { $0.name == name } }
    /// The procedure called `name` (the first, should two share it: validation rejects that).
    public func procedure(named name: String) -> Procedure? { procedures.first { $0.name == name } }
}
