import RecovIR

/// The outcome of a load, with how it was obtained.
public struct LoadResult: Sendable {
    /// The merged program of all inputs.
    public var program: Program
    /// Whether the Swift specs were compiled (false when there were none or the cache answered).
    public var compiled: Bool
    /// Whether the Swift specs' IR came from the cache.
    public var cacheHit: Bool
    /// The IR cache key (a SHA-256 of the sources, compiler and DSL) when the cache was used.
    public var cacheKey: String?
    /// The Swift files compiled (or looked up in the cache) together, sorted.
    public var swiftFiles: [String]
    /// How the spec program was isolated (on a cache hit: the isolation the cached IR was produced
    /// under, part of the key); `.notRun` without Swift specs.
    public var isolation: Isolation = .notRun
    /// The sources, compiler and DSL library the IR comes from (nil without Swift specs).
    public var fingerprint: SourceFingerprint?
}
