import Foundation
import RecovHash

/// Identifies the running checker build, so that cached results never outlive the engine that
/// produced them: a rebuilt binary with changed semantics must not reuse old verdicts.
public enum EngineFingerprint {
    /// The first 16 hex digits of the SHA-256 of the running executable, or "unknown".
    public static let current: String = {
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe")
                ?? CommandLine.arguments.first.flatMap({ FileManager.default.contents(atPath: $0) }) else { return "unknown" }
        return String(SHA256Hasher.hex(of: data).prefix(16))
    }()
}
