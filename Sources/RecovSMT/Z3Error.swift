import CZ3

/// An error reported by Z3, turned into a Swift error instead of Z3's default handler (which exits).
public struct Z3Error: Error, Sendable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "Z3 error \(code): \(message)" }
}
