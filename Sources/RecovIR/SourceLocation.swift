/// A position in a user's spec or model file, as `#filePath`, `#line`, `#column` captured it.
public struct SourceLocation: Codable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for nodes that come from nowhere in particular (generated or defaulted).
    public static let unknown = SourceLocation(file: "<unknown>", line: 0, column: 0)

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    /// A decoder's `userInfo` entry (a `SourceFileTransform`) applied to every decoded `file`.
    public static let fileTransformKey = CodingUserInfoKey(rawValue: "recovcheck.sourceFileTransform")!

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try c.decode(String.self, forKey: .file)
        file = (decoder.userInfo[Self.fileTransformKey] as? SourceFileTransform)?.transform(raw) ?? raw
        line = try c.decode(Int.self, forKey: .line)
        column = try c.decode(Int.self, forKey: .column)
    }
}

/// A rewrite of source file paths applied while decoding IR (the loader names files relative to the project root this way).
public struct SourceFileTransform: Sendable {
    public let transform: @Sendable (String) -> String
    public init(_ transform: @escaping @Sendable (String) -> String) { self.transform = transform }
}

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
