import RecovIR

/// A signing key and the entity that holds it. A string literal is a reference to a key by name.
public struct Key: ExpressibleByStringLiteral, Sendable {
    /// The key's name.
    public let name: String
    /// The holder's name (empty for a reference).
    public let holder: String
    let loc: SourceLocation
    let isDeclaration: Bool

    /// Declares a key held by `holder`.
    public init(
        _ name: String, heldBy holder: Entity,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.name = name
        self.holder = holder.name
        self.loc = SourceLocation(file: file, line: line, column: column)
        self.isDeclaration = true
    }

    /// A reference to a key declared elsewhere, by name.
    public init(stringLiteral name: String) {
        self.name = name
        self.holder = ""
        self.loc = .unknown
        self.isDeclaration = false
    }
}
