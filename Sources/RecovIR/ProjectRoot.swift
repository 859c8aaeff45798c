#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The project a run is about: the nearest folder at or above the current directory that holds
/// `.git` (a repository's root), else the current directory. Source paths in the IR and in every
/// artefact (JSON, SARIF, HTML, `.cex.json`) are relative to it, so no artefact names a machine
/// path and a checkout at another path gives the same results and cache keys.
public enum ProjectRoot {
    /// The project root's absolute path.
    public static func path() -> String {
        let cwd = currentDirectory()
        var dir = cwd
        while !dir.isEmpty {
            if access(dir + "/.git", F_OK) == 0 { return dir }
            guard dir != "/", let slash = dir.lastIndex(of: "/") else { break }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
            if dir == "/" { break }
        }
        return cwd
    }

    /// `path` (absolute) relative to the project root when it lies below it; otherwise unchanged.
    public static func relative(_ path: String) -> String {
        let root = self.path()
        guard path.hasPrefix("/"), !root.isEmpty, root != "/", path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count + 1))
    }

    /// A path as recorded in the IR (relative to the project root, or absolute) made absolute.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") || path.hasPrefix("<") { return path }
        return self.path() + "/" + path
    }

    /// The current directory (resolved, as the kernel reports it).
    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
