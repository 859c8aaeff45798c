import RecovIR

/// A problem the DSL itself can see while building declarations.
struct Diag: Sendable {
    var loc: SourceLocation
    var message: String
    var json: JSON {
        .object([
            ("file", .string(loc.file)), ("line", .int(loc.line)), ("column", .int(loc.column)),
            ("message", .string(message)),
        ])
    }
}
