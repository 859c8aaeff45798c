import RecovIR

/// Entities whose keys the attacker holds.
public struct Compromised: IncidentComponent, Sendable {
    let names: [String]
    /// Marks `entities` as compromised.
    public init(_ entities: Entity...) { names = entities.map(\.name) }
    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: names.map { .compromised($0) }) }
}
