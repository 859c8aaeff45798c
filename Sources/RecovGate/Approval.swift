/// One approved procedure in the lock file.
public struct Approval: Codable, Sendable, Hashable {
    /// SHA-256 of the canonical IR of the procedure with its model and incident (no source locations).
    public var hash: String
    /// SHA-256 of what the IR was compiled from: the bytes of every spec and model file compiled
    /// with the procedure (paths relative to their common folder), the compiler version and the DSL
    /// version (`SourceFingerprint.approvalDigest`). nil for IR given as JSON files, and in entries
    /// written before recovcheck recorded sources (such entries no longer match compiled specs).
    public var sources: String?
    public var approvedBy: String
    /// UTC, ISO 8601 (`2026-01-31T12:00:00Z`).
    public var date: String
    public var toolVersion: String
    public var depth: Int
    /// Rule id → verdict at approval time.
    public var verdicts: [String: String]
    /// "6 holds, 1 not-applicable".
    public var summary: String

    /// Creates an entry.
    public init(
        hash: String, sources: String? = nil, approvedBy: String, date: String, toolVersion: String, depth: Int,
        verdicts: [String: String], summary: String
    ) {
        self.hash = hash
        self.sources = sources
        self.approvedBy = approvedBy
        self.date = date
        self.toolVersion = toolVersion
        self.depth = depth
        self.verdicts = verdicts
        self.summary = summary
    }
}
