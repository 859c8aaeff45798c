/// Voting power an attacker can borrow within one block (a flash loan) for a governance role.
public struct BorrowablePower: Codable, Hashable, Sendable {
    public var role: String
    public var amount: Int
    public var loc: SourceLocation
    public init(role: String, amount: Int, loc: SourceLocation) {
        self.role = role
        self.amount = amount
        self.loc = loc
    }
}
