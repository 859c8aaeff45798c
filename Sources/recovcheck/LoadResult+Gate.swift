import RecovLoader
import RecovReport

extension LoadResult {
    /// The `specProgram` part of the report (nil without Swift specs). The same on every run with
    /// the same inputs and sandbox: a cached IR was produced under the same isolation (it is part
    /// of the IR cache key); whether the cache answered is only in the text line.
    var specProgramInfo: SpecProgramInfo? {
        guard fingerprint != nil else { return nil }
        return SpecProgramInfo(isolation: isolation.rawValue, summary: isolation.summary)
    }

    /// The text output's line about the spec program (a cache hit has its own line).
    var specProgramLine: String? {
        guard fingerprint != nil else { return nil }
        return "spec program: " + isolation.summary
    }

    /// What approvals bind to besides the IR: the digest of the compiled sources (nil for IR files only).
    var approvalSources: String? { fingerprint?.approvalDigest }
}
