import RecovIR

/// A person, firm or DAO. `Entity.named("Alice")` refers to an entity declared elsewhere.
public struct Entity: Sendable {
    /// The entity's name.
    public let name: String
    let loc: SourceLocation
    let isDeclaration: Bool

    /// Declares an entity.
    public init(_ name: String, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.name = name
        self.loc = SourceLocation(file: file, line: line, column: column)
        self.isDeclaration = true
    }

    init(reference name: String) {
        self.name = name
        self.loc = .unknown
        self.isDeclaration = false
    }

    /// A reference to an entity declared elsewhere, by name (not a declaration).
    public static func named(_ name: String) -> Entity { Entity(reference: name) }
}
