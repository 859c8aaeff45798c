/// How an authority is satisfied: the wire tag of `Role.Rule` (`"kind"` in the IR JSON).
public enum RoleKind: String, Codable, Hashable, Sendable {
    /// Anyone may act: not privileged.
    case anyone
    /// One key signs.
    case key
    /// `threshold` of `keys` sign.
    case multisig
    /// The inner `role` acts, then waits `minDelay` (optionally expiring after `grace`); `vetoBy` may cancel.
    case timelock
    /// Token governance: voting power `powers`, `supermajority` of all power must approve, with `quorum`.
    case governance
    /// Every one of `roles` must approve.
    case allOf
    /// A Governor: For/Against/Abstain votes, an absolute quorum, a proposal threshold, voting delay and period.
    case governor
    /// An emergency shutdown module: deposits accumulate irreversibly until a threshold.
    case shutdownModule
}
