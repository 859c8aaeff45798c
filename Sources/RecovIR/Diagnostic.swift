/// An error in the user's input: `file:line:column: error: message` when it has a location, then
/// the lines of its `excerpt` (the compiler's source snippet with its caret, and its notes).
/// The message is the message only: no location or `error:` inside it (the command prints those).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is, or nil when it is not in any file (a missing compiler, a folder that cannot be written).
    public var location: SourceLocation?
    public var message: String
    /// Lines shown under the message, as the compiler printed them (nil: none).
    public var excerpt: String?

    public init(_ message: String, at location: SourceLocation?, excerpt: String? = nil) {
        self.location = location
        self.message = message
        self.excerpt = excerpt
    }

    /// The first line: `file:line:column: error: message`, or `error: message` without a location.
    public var headline: String { location.map { "\($0): error: \(message)" } ?? "error: \(message)" }

    public var description: String { excerpt.map { headline + "\n" + $0 } ?? headline }
}

/// One or more input errors found together.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
