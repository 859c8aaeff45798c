import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Short texts remembered between runs in a folder, one file per key (a hex digest of what the
/// text depends on, such as a `FileIdentity`). Written atomically: a temporary file is renamed
/// over the entry, so a run sharing the folder never reads half of one. Shared by the memos of
/// `swiftc --version` (RecovLoader's `CompilerVersionMemo`) and of the engine's fingerprint
/// (RecovGate's `EngineFingerprint`).
public struct RememberedTexts: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The text remembered for `key`; nil when there is none, or it is empty or not UTF-8.
    public func text(for key: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(key)),
            let text = String(data: data, encoding: .utf8), !text.isEmpty
        else { return nil }
        return text
    }

    /// Remembers `text` for `key` (failures are ignored: the text is asked for again next time).
    public func remember(_ text: String, for key: String) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tmp = directory + "/." + key + "." + UUID().uuidString
        guard fm.createFile(atPath: tmp, contents: Data(text.utf8)) else { return }
        if rename(tmp, path(key)) != 0 { try? fm.removeItem(atPath: tmp) }
    }

    func path(_ key: String) -> String { directory + "/" + key }
}
