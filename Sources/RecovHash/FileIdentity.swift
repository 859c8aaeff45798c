import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What identifies a file's contents without reading them: its device, inode, size, and
/// modification and change times (nanoseconds). Rewriting, replacing or reinstalling the file
/// changes its inode or change time (which no program can set back), so a value remembered for one
/// identity is never served for other contents. Shared by the memos of `swiftc --version`
/// (RecovLoader's `CompilerVersionMemo`) and of the engine's fingerprint (RecovGate's `EngineFingerprint`).
public enum FileIdentity {
    /// `dev D ino I size S mtime M ctime C` of the regular file at `path` (symbolic links
    /// followed), or nil when there is none. With `settledBefore` (seconds since 1970), also nil
    /// when the file changed at or after that time: it may still be being written, and its times
    /// could change again within their resolution.
    public static func of(_ path: String, settledBefore: Double? = nil) -> String? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        if let limit = settledBefore, Double(st.st_ctim.tv_sec) >= limit || Double(st.st_mtim.tv_sec) >= limit {
            return nil
        }
        return "dev \(st.st_dev) ino \(st.st_ino) size \(st.st_size)"
            + " mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) ctime \(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
    }
}
