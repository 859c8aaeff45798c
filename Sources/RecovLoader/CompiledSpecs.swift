import RecovIR

/// The IR of compiled Swift specs and where it came from.
struct CompiledSpecs {
    var program: Program
    var cacheHit: Bool
    /// The IR cache key (SHA-256), when the cache is in use.
    var cacheKey: String?
    /// How the spec program was (or, on a cache hit, would have been) isolated.
    var isolation: Isolation = .notRun
    /// What the IR was compiled from (approvals bind to it).
    var fingerprint: SourceFingerprint?
}
