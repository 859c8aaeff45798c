/// What a Governor's quorum counts.
public enum QuorumCounting: String, Codable, Hashable, Sendable {
    /// For votes only (Compound Governor Bravo).
    case forVotes = "for"
    /// For and Abstain votes (OpenZeppelin `GovernorCountingSimple`).
    case forAndAbstain
}
