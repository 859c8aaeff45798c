import Foundation

/// Finds programs by name: the one lookup recovcheck uses, for the compiler (on `PATH`) and for
/// the sandbox's tools (only in the system's own folders).
public enum ExecutableLookup {
    /// The system's program folders: sandbox tools (bwrap, prlimit) are found only here, never
    /// through the user's `PATH`.
    public static let systemFolders = ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"]

    /// The first executable file named `name` in `folders`.
    public static func find(_ name: String, in folders: [String]) -> String? {
        for dir in folders where !dir.isEmpty {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The executable named `name` on `PATH` (`/usr/bin:/bin` when `PATH` is not set).
    public static func onPath(
        _ name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        find(name, in: (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init))
    }
}
