extension Role {
    /// A Governor (Compound / OpenZeppelin style): holders vote For, Against or Abstain on a
    /// proposal. A coalition passes a proposal when its For votes reach the `proposalThreshold`,
    /// the For votes (plus the Abstain votes with `.forAndAbstain`) reach the absolute `quorum`, and
    /// For outnumbers Against. The coalition votes For with all its power; compromised entities
    /// outside it vote Against; other holders do not vote (low turnout), except those declared
    /// `abstaining` or `opposing`. A step through it waits `votingDelay + votingPeriod`.
    public struct Governor: Hashable, Sendable {
        public var votes: [VoteHolding]
        public var quorum: Int
        /// `.forVotes` when the wire omits it.
        public var quorumCounts: QuorumCounting
        /// 0 when the wire omits it.
        public var proposalThreshold: Int
        /// Seconds; 0 when the wire omits them.
        public var votingDelay: Int
        public var votingPeriod: Int
        /// Honest holders that vote Abstain, or Against, on proposals they are not part of.
        public var abstaining: [String]
        public var opposing: [String]
        /// `.snapshot` when the wire omits it.
        public var measuredAt: PowerMeasurement

        public init(
            votes: [VoteHolding], quorum: Int, quorumCounts: QuorumCounting = .forVotes, proposalThreshold: Int = 0,
            votingDelay: Int = 0, votingPeriod: Int = 0, abstaining: [String] = [], opposing: [String] = [],
            measuredAt: PowerMeasurement = .snapshot
        ) {
            self.votes = votes
            self.quorum = quorum
            self.quorumCounts = quorumCounts
            self.proposalThreshold = proposalThreshold
            self.votingDelay = votingDelay
            self.votingPeriod = votingPeriod
            self.abstaining = abstaining
            self.opposing = opposing
            self.measuredAt = measuredAt
        }
    }

    /// An emergency shutdown module (MakerDAO's ESM): holders deposit tokens irreversibly; once
    /// the deposits reach `threshold`, the module fires. A coalition satisfies it when what has
    /// been deposited already (`deposited`, a state variable the model's deposit actions raise)
    /// plus everything its members still hold (`holdings`) reaches the threshold: deposits by
    /// others accumulate and lower the bar for whoever comes last.
    public struct ShutdownModule: Hashable, Sendable {
        /// The integer state variable holding the module's total deposits.
        public var deposited: String
        public var threshold: Int
        /// What each entity could still deposit.
        public var holdings: [VoteHolding]
        public init(deposited: String, threshold: Int, holdings: [VoteHolding]) {
            self.deposited = deposited
            self.threshold = threshold
            self.holdings = holdings
        }
    }
}
