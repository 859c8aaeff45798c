import RecovIR

/// An entity that may, at any time and alone, take every privileged action its own authority
/// allows, outside the procedure: a careless or captured admin. Unlike `Compromised`, it is not
/// the attacker: it still signs the procedure's steps, it borrows no voting power, and
/// `no-unilateral-control` is checked as without it (docs/semantics.md, *Insiders*).
public struct Insider: IncidentComponent, Sendable {
    let name: String
    let loc: SourceLocation
    /// Lets `entity` act alone outside the procedure: `Insider(guardian)`.
    public init(_ entity: Entity, file: String = #filePath, line: Int = #line, column: Int = #column) {
        name = entity.name
        loc = SourceLocation(file: file, line: line, column: column)
    }
    /// The declarations it contributes.
    public var incidentPart: IncidentPart { IncidentPart(items: [.insider(name, loc)]) }
}
