import RecovIR

/// An error of the gate (a bad lock file, a bad shard spec, a shard report that does not merge):
/// the message alone, and the file it is about when there is one. The command prints it.
public struct GateError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, without a location or `error:` prefix.
    public var message: String
    /// The file it is about (line 1, column 1: the file as a whole), or nil.
    public var location: SourceLocation?

    /// An error about `file` (as a whole) or about no file.
    public init(_ message: String, at file: String? = nil) {
        self.message = message
        self.location = file.map { SourceLocation(file: $0, line: 1, column: 1) }
    }

    /// As a `Diagnostic`, the form the command prints.
    public var diagnostic: Diagnostic { Diagnostic(message, at: location) }

    /// The message, after the file's path when there is one (for messages that embed it).
    public var description: String { location.map { "\($0.file): \(message)" } ?? message }
}
