import Foundation
import RecovHash

#if canImport(Glibc)
    import Glibc
#endif

/// Remembers `swiftc --version` between runs, so a run whose IR comes from the cache starts no
/// compiler at all (asking took most of a warm run's wall time).
///
/// An answer is reused only for the same compiler files: the driver `swiftc` resolves to and the
/// `swift-frontend` beside it (the driver runs it for `--version` and for every compile), each by
/// device, inode, size, modification and change time, plus every `SWIFT_DRIVER_*` variable (they
/// can point the driver at another frontend). Installing, rebuilding or replacing either file
/// changes its inode or change time, so the compiler is asked again. A `swiftc` that is not a
/// driver with a frontend beside it (a wrapper script, a toolchain manager's proxy that picks a
/// compiler per folder) is asked on every run.
struct CompilerVersionMemo {
    /// Folder of the remembered answers, one file per compiler identity.
    var directory: String

    /// The remembered version of `swiftc`, or nil (never asked, changed since, or not rememberable).
    func version(swiftc: String, environment: [String: String]) -> String? {
        Self.identity(swiftc: swiftc, environment: environment).flatMap {
            RememberedTexts(directory: directory).text(for: $0)
        }
    }

    /// Remembers `version` for `swiftc`, unless a compiler file changed less than two seconds ago
    /// (it may still be being written: its times could change again within their resolution).
    func store(_ version: String, swiftc: String, environment: [String: String]) {
        guard !version.isEmpty,
            let id = Self.identity(
                swiftc: swiftc, environment: environment, settledBefore: Date().timeIntervalSince1970 - 2)
        else { return }
        RememberedTexts(directory: directory).remember(version, for: id)
    }

    /// SHA-256 of what identifies the compiler at `swiftc`, or nil when it is not a driver with a
    /// `swift-frontend` beside it. With `settledBefore`, also nil when a file changed after that time.
    static func identity(swiftc: String, environment: [String: String], settledBefore: Double? = nil) -> String? {
        guard let driver = resolved(swiftc) else { return nil }
        let name = (driver as NSString).lastPathComponent
        guard ["swift-driver", "swiftc", "swift-frontend"].contains(name),
            let frontend = resolved((driver as NSString).deletingLastPathComponent + "/swift-frontend")
        else { return nil }
        var text = "recovcheck-compiler-version 1\n"
        for file in [driver, frontend] {
            guard let id = FileIdentity.of(file, settledBefore: settledBefore) else { return nil }
            text += "file \(file.utf8.count) \(file) \(id)\n"
        }
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) where k.hasPrefix("SWIFT_DRIVER_") {
            text += "env \(k.utf8.count) \(k) \(v.utf8.count) \(v)\n"
        }
        return SHA256Hasher.hex(of: Data(text.utf8))
    }

    /// The canonical path of `path` (symbolic links resolved), or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
