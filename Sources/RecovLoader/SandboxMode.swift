/// Whether compiled spec programs run in a sandbox (`--sandbox`).
public enum SandboxMode: String, Sendable, CaseIterable {
    /// Fail when the bubblewrap sandbox cannot start.
    case required
    /// bubblewrap when it can start, else the strongest fallback (limits, process group, scrubbed
    /// environment, temporary working folder); the output says which.
    case auto
    /// No sandbox: the program runs with recovcheck's rights (still with limits and a scrubbed environment).
    case off
}
