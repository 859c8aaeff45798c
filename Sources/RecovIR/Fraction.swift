/// A rational number `num/den`, for quorums and supermajorities.
public struct Fraction: Codable, Hashable, Sendable, CustomStringConvertible {
    public var num: Int
    public var den: Int
    public init(_ num: Int, _ den: Int) {
        self.num = num
        self.den = den
    }
    public var description: String { "\(num)/\(den)" }
}
