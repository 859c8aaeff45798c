import RecovIR

/// A replay-confirmed counterexample.
public struct Counterexample: Codable, Sendable, Hashable {
    /// One sentence: what was violated.
    public var summary: String
    /// The initial state followed by one entry per transition.
    public var steps: [TraceStep]
    /// The representative account of `no-collateral-loss`, if relevant.
    public var account: Int?
    /// Entities of the violating coalition, for `no-unilateral-control`.
    public var coalition: [String]?
    /// Whether the attacker (the compromised entities, and any borrowed voting power) is in that
    /// coalition; it may be in it alone when nothing is compromised but power can be borrowed.
    public var attacker: Bool?
    /// Where the violated declaration is.
    public var location: SourceLocation
}
