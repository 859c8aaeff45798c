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
