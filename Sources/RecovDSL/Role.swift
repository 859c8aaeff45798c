// Entities, keys and roles: handles usable as references, or as declarations in a model.
import RecovIR

/// A rational number `num/den`, for quorums and supermajorities (the IR's own type).
public typealias Fraction = RecovIR.Fraction

/// When governance voting power is measured: `.snapshot` or `.execution` (the IR's own type).
public typealias PowerMeasurement = RecovIR.PowerMeasurement

/// What a Governor counts toward its quorum: `.forVotes` or `.forAndAbstain` (the IR's own type).
public typealias QuorumCounting = RecovIR.QuorumCounting

/// A named authority: who must sign for a privileged action.
///
/// Declare one with `Role.multisig`, `Role.timelock`, `Role.governance`, `Role.key`,
/// `Role.anyone` or `Role.allOf`. Wherever a role is expected, a string literal refers to a role
/// by name instead (unknown names are reported by the checker at the use's location).
public struct Role: ExpressibleByStringLiteral, Sendable {
    /// The role's name.
    public let name: String
    /// The declaration's IR (its location is where it was declared); nil for a reference by name.
    var ir: RecovIR.Role?

    init(name: String, rule: RecovIR.Role.Rule, loc: SourceLocation) {
        self.name = name
        self.ir = RecovIR.Role(name: name, rule: rule, loc: loc)
    }

    init(reference name: String) {
        self.name = name
        self.ir = nil
    }

    /// A reference to a role by name.
    public init(stringLiteral name: String) { self.init(reference: name) }

    /// A reference to a role by name.
    public init(named name: String) { self.init(reference: name) }

    /// One key signs.
    public static func key(
        _ name: String, _ key: Key,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name, rule: .key(key.name),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// Anyone may act: not privileged.
    public static func anyone(
        _ name: String,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(name: name, rule: .anyone, loc: SourceLocation(file: file, line: line, column: column))
    }

    /// `threshold` of `keys` sign.
    public static func multisig(
        _ name: String, threshold: Int, of keys: [Key],
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name, rule: .multisig(keys: keys.map(\.name), threshold: threshold),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// The inner `role` queues the action, which runs at least `minDelay` seconds later (delays add
    /// up when `role` is itself delayed) and, with a `grace` period, at most `grace` seconds after
    /// it became executable: a queued step not run by then expires, and the procedure is blocked.
    /// `vetoBy` may cancel.
    public static func timelock(
        _ name: String, role: Role, minDelay: Int,
        grace: Int? = nil, vetoBy: Role? = nil,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name,
            rule: .timelock(
                RecovIR.Role.Timelock(
                    role: role.name, minDelay: minDelay, grace: grace,
                    vetoBy: vetoBy?.name)),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// Not supported: a timelock's delay is its `minDelay` and no action can change it, so a
    /// maximum delay would have no effect. Rejected at compile time rather than silently ignored.
    @available(
        *, unavailable,
        message: "maxDelay has no effect: a timelock's delay is its minDelay and no action changes it; remove maxDelay"
    )
    public static func timelock(
        _ name: String, role: Role, minDelay: Int, maxDelay: Int,
        grace: Int? = nil, vetoBy: Role? = nil,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        fatalError("unavailable")
    }

    /// Token governance: `supermajority` of all voting power must approve, with an optional `quorum`.
    public static func governance(
        _ name: String, powers: KeyValuePairs<Entity, Int>, supermajority: Fraction,
        quorum: Fraction? = nil, measuredAt: PowerMeasurement = .snapshot,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name,
            rule: .governance(
                RecovIR.Role.Governance(
                    powers: powers.map { VotingPower(entity: $0.key.name, power: $0.value) },
                    supermajority: supermajority, quorum: quorum, measuredAt: measuredAt)),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// A Governor (Compound / OpenZeppelin style). `votes`: each holder's voting power, a number or
    /// `.state(v)` for an `IntVar` the model's actions change (bought, borrowed, delegated,
    /// deposited). A coalition passes a proposal when its For votes reach `proposalThreshold`, its
    /// For votes (plus Abstain votes with `quorumCounts: .forAndAbstain`) reach the absolute
    /// `quorum`, and For outnumbers Against. Compromised holders outside the coalition vote Against;
    /// other holders do not vote (low turnout) unless listed in `abstaining` or `opposing`. A step
    /// through it waits `votingDelay + votingPeriod` (wrap it in `Role.timelock` for the queue).
    /// Power read from state needs `measuredAt: .execution`.
    public static func governor(
        _ name: String, votes: KeyValuePairs<Entity, VotingWeight>, quorum: Int,
        quorumCounts: QuorumCounting = .forVotes, proposalThreshold: Int = 0,
        votingDelay: Int = 0, votingPeriod: Int = 0,
        abstaining: [Entity] = [], opposing: [Entity] = [],
        measuredAt: PowerMeasurement = .snapshot,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name,
            rule: .governor(
                RecovIR.Role.Governor(
                    votes: votes.map { VoteHolding(entity: $0.key.name, amount: $0.value.amount) },
                    quorum: quorum, quorumCounts: quorumCounts, proposalThreshold: proposalThreshold,
                    votingDelay: votingDelay, votingPeriod: votingPeriod,
                    abstaining: abstaining.map(\.name), opposing: opposing.map(\.name),
                    measuredAt: measuredAt)),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// An emergency shutdown module (MakerDAO's ESM): holders deposit tokens irreversibly into
    /// `deposited` (an `IntVar` the model's deposit actions raise, and none lowers); once it reaches
    /// `threshold`, the module fires. A coalition satisfies it when `deposited` plus what its
    /// members still hold (`holdings`: numbers or `.state(v)`) reaches the threshold, so deposits by
    /// others lower the bar for whoever comes last.
    public static func shutdownModule(
        _ name: String, deposited: IntExpr, threshold: Int,
        holdings: KeyValuePairs<Entity, VotingWeight>,
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name,
            rule: .shutdownModule(
                RecovIR.Role.ShutdownModule(
                    deposited: VotingWeight.state(deposited).variableName,
                    threshold: threshold,
                    holdings: holdings.map { VoteHolding(entity: $0.key.name, amount: $0.value.amount) })),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// Every one of `roles` must approve.
    public static func allOf(
        _ name: String, _ roles: [Role],
        file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> Role {
        Role(
            name: name, rule: .allOf(roles.map(\.name)),
            loc: SourceLocation(file: file, line: line, column: column))
    }

    /// Accepts one entity satisfying this role, for the reason given (exempts it from
    /// `no-unilateral-control`; every report lists the role with this reason).
    public func allowUnilateral(_ reason: String) -> Role {
        var r = self
        r.ir?.allowUnilateral = reason
        return r
    }

    /// The smallest coalition of entities allowed to satisfy this role (at least 2), in place of the
    /// model's `MinCoalition`: `no-unilateral-control` fails when fewer entities satisfy it. For one
    /// entity, use `.allowUnilateral("why")`.
    public func minCoalition(_ size: Int) -> Role {
        var r = self
        r.ir?.minCoalition = size
        return r
    }
}
