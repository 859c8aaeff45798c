/// Settings of a check run that change results (and so are part of the result cache key).
public struct CheckOptions: Sendable, Hashable, Codable {
    /// Number of transitions unrolled.
    public var depth: Int
    /// Seconds each solver call may take before it answers unknown (0: no limit).
    public var timeoutSeconds: Double
    /// At most this many extra solver calls spent shrinking one counterexample.
    public var minimizationChecks: Int
    /// How `no-unilateral-control` encodes who signs (the naive form exists for benchmarks).
    public var authorityEncoding: AuthorityEncoding
    /// Z3 resource limit of each probe of the worst-case search (deterministic, unlike a timeout).
    public var worstCaseResourceLimit: UInt32 = 2_000_000
    /// Try to prove passing checks for every depth (k-induction, `KInduction.swift`).
    public var proofs: Bool = true
    /// Z3 resource limit of each k-induction query (deterministic, unlike a timeout).
    public var proofResourceLimit: UInt32 = 4_000_000
    /// Z3 resource limit of the CHC engine's one Spacer query (`CHCProof`), deterministic like the others.
    public var chcResourceLimit: UInt32 = 40_000_000
    /// Z3 resource limit of each query looking for a trace past `depth` when Spacer derives a
    /// violation there (`BoundedModelChecker`), deterministic like the others.
    public var confirmationResourceLimit: UInt32 = 10_000_000

    /// `timeoutSeconds` as Z3's per-query timeout in milliseconds, clamped to `UInt32`.
    var timeoutMilliseconds: UInt32 { UInt32(max(0, min(timeoutSeconds * 1000, Double(UInt32.max)))) }

    /// The resource limit of a proof's re-check: twice the search's (saturating), so a re-check
    /// never fails for want of the effort the search was given.
    var recheckResourceLimit: UInt32 {
        let (doubled, overflow) = proofResourceLimit.multipliedReportingOverflow(by: 2)
        return overflow ? UInt32.max : doubled
    }

    public init(
        depth: Int = 10, timeoutSeconds: Double = 60, minimizationChecks: Int = 64,
        authorityEncoding: AuthorityEncoding = .structured
    ) {
        self.depth = depth
        self.timeoutSeconds = timeoutSeconds
        self.minimizationChecks = minimizationChecks
        self.authorityEncoding = authorityEncoding
    }
}

/// Encodings of "a coalition satisfies a role".
public enum AuthorityEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fixed authority is checked once on the holder table; only changing authority is unrolled,
    /// and only the keys, allowlist entries and thresholds some action writes are state; a
    /// multisig counts fixed keys per holding entity (`SymbolicAuthority`).
    case structured
    /// The baseline a hand-written SMT encoding gives: unrolled at every depth, every key's holder
    /// state at every step compared with every entity, and one "signed" Boolean per key per step
    /// summed against the threshold (holders as state in the bounded check; proofs keep the structured state).
    case naive
}
