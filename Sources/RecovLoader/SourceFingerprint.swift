import Foundation
import RecovHash
import RecovIR

/// What a compiled spec program is made of: the bytes of every source file compiled together
/// (models and specs), the compiler and the DSL library. Caches and approvals key on this, never
/// only on the IR the program reported, so a program that forges IR for unchanged-looking
/// procedures still shows up as changed.
public struct SourceFingerprint: Sendable, Hashable {
    /// Absolute path and SHA-256 (hex) of each source file, sorted by path.
    public var files: [(path: String, sha256: String)]
    /// `swiftc --version`, whole.
    public var compiler: String
    /// Identity of the DSL library: SHA-256 of its embedded sources and the compiler version
    /// (`Loader.dslKey`), the same on every machine with the same recovcheck and compiler.
    public var dsl: String

    public static func == (a: Self, b: Self) -> Bool {
        a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.sha256) == b.files.map(\.sha256)
            && a.compiler == b.compiler && a.dsl == b.dsl
    }

    public func hash(into h: inout Hasher) {
        for f in files {
            h.combine(f.path)
            h.combine(f.sha256)
        }
        h.combine(compiler)
        h.combine(dsl)
    }

    /// Fingerprints `sources` (path and bytes, as read for compiling).
    public init(sources: [(path: String, bytes: Data)], compiler: String, dsl: String) {
        files = sources.map { ($0.path, SHA256Hasher.hex(of: $0.bytes)) }.sorted { $0.path < $1.path }
        self.compiler = compiler
        self.dsl = dsl
    }

    /// Key of the compiled-IR cache on this machine: absolute paths (the IR holds them as source
    /// locations), file bytes, compiler, the DSL, the IR version, and the isolation the program
    /// runs under (IR produced outside the sandbox is never reused by a sandboxed run).
    public func irCacheKey(isolation: Isolation) -> String {
        var h = SHA256Hasher()
        h.update(data: Data("recovcheck-loader 2 ir \(irVersion) isolation \(isolation.rawValue)\n".utf8))
        for f in files { h.update(data: Data("file \(f.path.utf8.count) \(f.path) \(f.sha256)\n".utf8)) }
        h.update(data: Data("swiftc \(compiler.utf8.count) \(compiler)\ndsl \(dsl)\n".utf8))
        return h.finalizeHex()
    }

    /// Digest of the sources for approvals, the same on every checkout of the same commit: paths
    /// relative to the files' common folder, file bytes, the compiler version and the DSL.
    public var approvalDigest: String {
        let root = Self.commonFolder(files.map(\.path))
        var h = SHA256Hasher()
        h.update(data: Data("recovcheck-sources 1\n".utf8))
        for f in files {
            let rel = f.path.hasPrefix(root + "/") ? String(f.path.dropFirst(root.count + 1)) : f.path
            h.update(data: Data("file \(rel.utf8.count) \(rel) \(f.sha256)\n".utf8))
        }
        h.update(data: Data("swiftc \(compiler.utf8.count) \(compiler)\ndsl \(dsl)\n".utf8))
        return h.finalizeHex()
    }

    /// The deepest folder containing every path ("" for none).
    static func commonFolder(_ paths: [String]) -> String {
        guard var common = paths.first.map({ ($0 as NSString).deletingLastPathComponent }) else { return "" }
        for p in paths.dropFirst() {
            while !common.isEmpty && common != "/" && !p.hasPrefix(common + "/") {
                common = (common as NSString).deletingLastPathComponent
            }
        }
        return common == "/" ? "" : common
    }
}
