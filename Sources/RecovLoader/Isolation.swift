/// How the spec program of a run was isolated; shown in the text output and the JSON report.
public enum Isolation: String, Sendable, Codable {
    /// bubblewrap: namespaces (no network, own pid/ipc/uts), only the program, its libraries and
    /// its sources visible and read-only, private /tmp, plus the `limits`.
    case bubblewrap
    /// Fallback: resource limits, own session and process group killed at the end, scrubbed
    /// environment, temporary working folder — but the file system and network of the user.
    case limits
    /// `--sandbox off`: limits and scrubbed environment only.
    case off
    /// No spec program (IR files only).
    case notRun = "not-run"

    /// One line for the text output.
    public var summary: String {
        switch self {
        case .bubblewrap:
            return "bubblewrap sandbox (no network, read-only sources, private /tmp, no home, resource limits)"
        case .limits:
            return
                "NOT sandboxed: bubblewrap cannot start here; resource limits, own process group, scrubbed environment only"
        case .off: return "NOT sandboxed (--sandbox off); resource limits, own process group, scrubbed environment only"
        case .notRun: return "none (IR files only)"
        }
    }
}
