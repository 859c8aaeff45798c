import Foundation
import RecovHash
import RecovIR

/// The RecovDSL library and the RecovIR library it builds on, compiled from the sources embedded
/// in this binary, in the cache: `libRecovIR.a`, `RecovIR.swiftmodule`, `libRecovDSL.a` and
/// `RecovDSL.swiftmodule` in one folder named by `key`.
public struct CompiledDSL: Sendable, Equatable {
    /// Folder holding the two libraries and their modules.
    public var directory: String
    /// SHA-256 of the embedded DSL sources and the compiler's `--version` output.
    public var key: String
}

/// The Swift compiler in use and its `--version` output (part of every cache key).
struct Toolchain {
    var swiftc: String
    var version: String
}

extension Loader {
    /// The RecovIR and RecovDSL sources embedded at build time (see the EmbedDSLSources plugin),
    /// decoded; each name is `Module/File.swift`.
    static let dslSources: [(name: String, bytes: Data)] = embeddedDSLSources.map { entry in
        // The plugin wrote valid base64; an empty file would only fail the DSL compile, loudly.
        (entry.name, Data(base64Encoded: entry.base64) ?? Data())
    }

    /// SHA-256 of the embedded DSL sources and the compiler version.
    static func dslKey(_ toolchain: Toolchain) -> String {
        var hasher = SHA256Hasher()
        hasher.update("recovcheck-dsl 2\nswiftc \(toolchain.version)\n")
        for (name, bytes) in dslSources {
            hasher.update("file \(name) \(bytes.count)\n")
            hasher.update(data: bytes)
        }
        return hasher.finalizeHex()
    }

    /// Finds the compiler: `$SWIFTC`, else `swiftc` on `PATH`; and asks it for its version, unless
    /// the same compiler files answered before (`CompilerVersionMemo`).
    func locateToolchain() async throws -> Toolchain {
        let swiftc = try locateSwiftc()
        let environment = ProcessInfo.processInfo.environment
        let memo = CompilerVersionMemo(directory: buildCachePath + "/compiler-versions")
        if let version = memo.version(swiftc: swiftc, environment: environment) {
            return Toolchain(swiftc: swiftc, version: version)
        }
        let r = try await run(swiftc, ["--version"], timeout: 60)
        guard !r.timedOut, r.status == 0, !r.stdout.isEmpty else {
            throw Diagnostic("\(swiftc) --version failed: \(r.stderr)", at: nil)
        }
        let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        memo.store(version, swiftc: swiftc, environment: environment)
        return Toolchain(swiftc: swiftc, version: version)
    }

    /// The compiled DSL for `toolchain`, compiling it into the cache on first use.
    /// Concurrent runs are safe: each compiles in its own temporary folder and renames it into
    /// place; a run that loses the race uses the winner's folder.
    public func compiledDSL() async throws -> CompiledDSL { try await compiledDSL(try await locateToolchain()) }

    func compiledDSL(_ toolchain: Toolchain) async throws -> CompiledDSL {
        let key = Self.dslKey(toolchain)
        let root = buildCachePath + "/dsl"
        let final = root + "/" + key
        let fm = FileManager.default
        if fm.fileExists(atPath: final + "/libRecovDSL.a") { return CompiledDSL(directory: final, key: key) }

        let tmp = root + "/.tmp-" + UUID().uuidString
        do {
            for module in ["RecovIR", "RecovDSL"] {
                try fm.createDirectory(atPath: tmp + "/src/" + module, withIntermediateDirectories: true)
            }
            for (name, bytes) in Self.dslSources {
                try bytes.write(to: URL(fileURLWithPath: tmp + "/src/" + name))
            }
        } catch {
            try? fm.removeItem(atPath: tmp)
            throw Diagnostic(
                "cannot write the DSL library into the cache \(root): \(error.localizedDescription)",
                at: nil)
        }
        defer { try? fm.removeItem(atPath: tmp) }
        // RecovIR first: the DSL builds IR values and encodes them with the IR's own Codable.
        for module in ["RecovIR", "RecovDSL"] {
            let args =
                [
                    "-parse-as-library", "-module-name", module, "-swift-version", "6", "-Onone", "-g",
                    "-I", tmp, "-emit-module", "-emit-module-path", tmp + "/\(module).swiftmodule",
                    "-emit-library", "-static", "-o", tmp + "/lib\(module).a",
                    "-module-cache-path", moduleCachePath,
                ]
                + Self.dslSources.filter { $0.name.hasPrefix(module + "/") }.map { tmp + "/src/" + $0.name }
            let r = try await run(toolchain.swiftc, args, timeout: 600)
            guard !r.timedOut, r.status == 0, fm.fileExists(atPath: tmp + "/lib\(module).a") else {
                let tail = (r.stderr + r.stdout).split(separator: "\n").suffix(20).joined(separator: "\n")
                throw Diagnostic(
                    "compiling the \(module) library with \(toolchain.swiftc) failed\(r.timedOut ? " (timed out)" : ""):\n\(tail)",
                    at: nil)
            }
        }
        if rename(tmp, final) != 0 && !fm.fileExists(atPath: final + "/libRecovDSL.a") {
            throw Diagnostic(
                "cannot move the compiled DSL library into \(final): \(String(cString: strerror(errno)))",
                at: nil)
        }
        return CompiledDSL(directory: final, key: key)
    }

    /// Clang's module cache for the spec and DSL compiles, shared across runs (it locks itself).
    var moduleCachePath: String { buildCachePath + "/module-cache" }

    /// Where compiled artefacts (the DSL library, Clang's module cache) go: the cache folder, or a
    /// per-user temporary folder when the cache cannot be written (a read-only home is not fatal).
    var buildCachePath: String {
        let preferred = cacheDirectoryPath
        if (try? FileManager.default.createDirectory(atPath: preferred, withIntermediateDirectories: true)) != nil,
            access(preferred, W_OK) == 0
        {
            return preferred
        }
        return NSTemporaryDirectory() + "recovcheck-cache-\(getuid())"
    }
}
