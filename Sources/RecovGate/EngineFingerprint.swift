import Foundation
import RecovHash
import Synchronization

/// Identifies the running checker build, so that cached results never outlive the engine that
/// produced them: a rebuilt binary with changed semantics must not reuse old verdicts.
public enum EngineFingerprint {
    /// The first 16 hex digits of the SHA-256 of the running executable, or "unknown".
    public static let current: String = hashOfExecutable() ?? "unknown"

    /// `current`, remembered in `directory` between runs for the same executable file (by its
    /// `FileIdentity`: device, inode, size, modification and change time): hashing the 17 MB
    /// binary was a twentieth of a warm run. An executable changed in the last 2 s, or that
    /// changed while it was being hashed, is not remembered.
    public static func current(rememberedIn directory: String) -> String {
        if let known = remembered.withLock({ $0[directory] }) { return known }
        let fingerprint = lookUpOrHash(directory) ?? current
        remembered.withLock { $0[directory] = fingerprint }
        return fingerprint
    }

    private static let remembered = Mutex<[String: String]>([:])
    /// The running executable: the kernel's link follows the running file even if its path was replaced.
    private static let executable = "/proc/self/exe"

    private static func lookUpOrHash(_ directory: String) -> String? {
        guard let before = FileIdentity.of(executable) else { return nil }
        let key = SHA256Hasher.hex(of: Data("recovcheck-engine-fingerprint 1\n\(before)\n".utf8))
        let memo = RememberedTexts(directory: directory)
        if let text = memo.text(for: key), text.count == 16, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            return text
        }
        guard let fingerprint = hashOfExecutable() else { return nil }
        if FileIdentity.of(executable, settledBefore: Date().timeIntervalSince1970 - 2) == before {
            memo.remember(fingerprint, for: key)
        }
        return fingerprint
    }

    private static func hashOfExecutable() -> String? {
        guard
            let data = FileManager.default.contents(atPath: executable)
                ?? CommandLine.arguments.first.flatMap({ FileManager.default.contents(atPath: $0) })
        else { return nil }
        return String(SHA256Hasher.hex(of: data).prefix(16))
    }
}
