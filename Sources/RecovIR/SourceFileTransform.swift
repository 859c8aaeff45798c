/// A rewrite of source file paths applied while decoding IR (the loader names files relative to the project root this way).
public struct SourceFileTransform: Sendable {
    public let transform: @Sendable (String) -> String
    public init(_ transform: @escaping @Sendable (String) -> String) { self.transform = transform }
}
