import RecovIR

/// The outcome of one check.
public enum VerdictKind: String, Codable, Sendable, Comparable {
    /// Holds in every reachable state, at every depth: a k-induction proof, re-checked by an
    /// independent solver query (`ProofCheck.swift`). Passes like `holds`.
    case proved
    /// Holds on every trace up to the depth.
    case holds
    /// A replayed counterexample exists.
    case violated
    /// The solver could not decide (timeout, nonlinear arithmetic, ...). Never a pass.
    case unknown
    /// An input problem (including a vacuous check) or an internal error.
    case error
    /// The procedure declares nothing for this property (e.g. no containment budget).
    case notApplicable = "not-applicable"

    private var order: Int {
        switch self {
        case .proved: return -1
        case .holds: return 0
        case .notApplicable: return 1
        case .unknown: return 2
        case .violated: return 3
        case .error: return 4
        }
    }
    public static func < (a: VerdictKind, b: VerdictKind) -> Bool { a.order < b.order }

    /// A pass: `proved` (every depth) or `holds` (up to the depth).
    public var passes: Bool { self == .proved || self == .holds }
}
