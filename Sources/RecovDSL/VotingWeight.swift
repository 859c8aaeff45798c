import RecovIR

/// Voting power (or tokens to deposit) of one holder: an integer literal for a fixed amount, or
/// `.state(v)` for the current value of an `IntVar`.
public struct VotingWeight: ExpressibleByIntegerLiteral, Sendable {
    let amount: VoteHolding.Amount

    /// A fixed amount.
    public init(integerLiteral value: Int) { amount = .fixed(value) }

    /// The current value of the integer state variable `v` (an `IntVar`).
    public static func state(_ v: IntExpr) -> VotingWeight {
        if case .variable(let n) = v.node { return VotingWeight(amount: .variable(n)) }
        return VotingWeight(amount: .variable("(not a state variable: \(v.node))"))
    }

    init(amount: VoteHolding.Amount) { self.amount = amount }

    var variableName: String {
        if case .variable(let n) = amount { return n } else { return "(a number, not a state variable)" }
    }
}
