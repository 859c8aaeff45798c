import Foundation
import RecovHash
import RecovIR

/// Top-level `let`/`var` declarations a spec file exposes to the generated main.
/// Lines at column 0 matching `(public |internal )?(let|var) IDENT`, outside block comments;
/// `private`/`fileprivate` ones are skipped since the generated main cannot see them.
public func topLevelDeclarations(in source: String) -> [String] {
    var names: [String] = []
    var commentDepth = 0
    for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = String(rawLine)
        let startsInComment = commentDepth > 0
        // Track block comments (nested), ignoring `//` line comments.
        var chars = Array(line.unicodeScalars)
        if let slashes = line.range(of: "//"), commentDepth == 0, !line.contains("/*") {
            chars = Array(line[..<slashes.lowerBound].unicodeScalars)
        }
        var i = 0
        while i + 1 < chars.count {
            if chars[i] == "/" && chars[i + 1] == "*" { commentDepth += 1; i += 2; continue }
            if chars[i] == "*" && chars[i + 1] == "/" && commentDepth > 0 { commentDepth -= 1; i += 2; continue }
            i += 1
        }
        if startsInComment { continue }
        if let m = line.wholeMatch(of: /(public |internal )?(let|var) +([A-Za-z_][A-Za-z0-9_]*)\b.*/) {
            let name = String(m.3)
            if name != "_" { names.append(name) }
        }
    }
    return names
}

extension Loader {
    func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// The Swift compiler: `$SWIFTC`, else `swiftc` on `PATH`.
    func locateSwiftc() throws -> String {
        if let s = ProcessInfo.processInfo.environment["SWIFTC"], !s.isEmpty { return s }
        if let s = findOnPath("swiftc") { return s }
        throw Diagnostic("cannot find swiftc (set SWIFTC or put it on PATH)", at: SourceLocation(file: "<recovcheck>", line: 1, column: 1))
    }

    var cacheDirectoryPath: String {
        if let c = options.cacheDirectory { return absolute(c) }
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return x + "/recovcheck" }
        return (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache/recovcheck"
    }

    /// Compiles `files` into one program, runs it and decodes its IR; returns whether the cache answered.
    func compileAndRun(files: [String], specFiles: [String]) throws -> (Program, Bool) {
        var sources: [(String, String)] = []
        for f in files { sources.append((f, try readText(f).text)) }
        let toolchain = try locateToolchain()
        let swiftc = toolchain.swiftc
        let dslKey = Self.dslKey(toolchain)
        let first = specFiles.first ?? files[0]

        // Cache key.
        var key = ""
        if options.useCache {
            var hasher = SHA256Hasher()
            hasher.update(data: Data("recovcheck-loader 1 ir \(irVersion)\n".utf8))
            for (path, text) in sources {
                hasher.update(data: Data("file \(path.utf8.count) \(path)\n".utf8))
                let bytes = Data(text.utf8)
                hasher.update(data: Data("\(bytes.count)\n".utf8))
                hasher.update(data: bytes)
            }
            hasher.update(data: Data("swiftc \(toolchain.version)\ndsl \(dslKey)\n".utf8))
            key = hasher.finalizeHex()
            let cached = cacheDirectoryPath + "/" + key + ".json"
            if let data = FileManager.default.contents(atPath: cached),
               let program = try? decodeIR(data, file: cached) {
                return (program, true)
            }
        }

        let dsl = try compiledDSL(toolchain)
        let tmp = NSTemporaryDirectory() + "recovcheck-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }

        // Generated main.
        var decls: [String] = []
        var seen = Set<String>()
        for (_, text) in sources {
            for d in topLevelDeclarations(in: text) where seen.insert(d).inserted { decls.append(d) }
        }
        let mainPath = tmp + "/main.swift"
        var main = "import RecovDSL\n\nlet __recovcheckDeclarations: [(String, Any)] = [\n"
        for d in decls { main += "    (\"\(d)\", \(d) as Any),\n" }
        main += "]\n__recovcheckEmit(__recovcheckDeclarations)\n"
        try main.write(toFile: mainPath, atomically: true, encoding: .utf8)

        // Compile.
        let exe = tmp + "/spec"
        var args = ["-module-name", "RecovSpec", "-swift-version", "5", "-Onone",
                    "-I", dsl.directory, "-L", dsl.directory, "-lRecovDSL",
                    "-module-cache-path", moduleCachePath, "-o", exe]
        args += files
        args.append(mainPath)
        let compile = try run(swiftc, args, timeout: max(120, options.specTimeout))
        if compile.timedOut {
            throw Diagnostic("swiftc did not finish within \(Int(max(120, options.specTimeout))) s", at: loc(first))
        }
        if compile.status != 0 {
            throw compilerDiagnostics(compile.stderr + compile.stdout, mainPath: mainPath, fallback: first)
        }

        // Run, with the IR written to fd 3 (opened by the shell so the child surely inherits it).
        let irPath = tmp + "/ir.json"
        let result = try run("/bin/sh", ["-c", "exec \"$0\" 3>\"$1\" </dev/null", exe, irPath], timeout: options.specTimeout,
                             extraEnvironment: ["RECOVCHECK_IR_FD": "3",
                                                "SWIFT_BACKTRACE": ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] ?? "enable=no"])
        let names = specFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        if result.timedOut {
            throw Diagnostic("spec program did not finish within \(formatSeconds(options.specTimeout)) s (specs: \(names))", at: loc(first))
        }
        if result.status != 0 || result.signaled {
            let how = result.signaled ? "crashed (signal \(result.status))" : "exited with status \(result.status)"
            let tail = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).suffix(20).joined(separator: "\n")
            throw Diagnostic("spec program \(how) (specs: \(names))\(tail.isEmpty ? "" : ":\n" + tail)", at: loc(first))
        }
        guard let data = FileManager.default.contents(atPath: irPath), !data.isEmpty else {
            throw Diagnostic("spec program wrote no IR (specs: \(names))", at: loc(first))
        }
        struct Envelope: Decodable {
            struct D: Decodable { var file: String; var line: Int; var column: Int; var message: String }
            var diagnostics: [D]?
        }
        if let env = try? JSONDecoder().decode(Envelope.self, from: data), let ds = env.diagnostics {
            let list = ds.map { Diagnostic($0.message, at: SourceLocation(file: $0.file, line: $0.line, column: $0.column)) }
            if list.count == 1 { throw list[0] }
            throw DiagnosticList(list)
        }
        let program = try decodeIR(data, file: "<IR of \(names)>")
        if options.useCache {
            let dir = cacheDirectoryPath
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let tmpFile = dir + "/." + key + "." + UUID().uuidString
            if FileManager.default.createFile(atPath: tmpFile, contents: data) {
                if rename(tmpFile, dir + "/" + key + ".json") != 0 { try? FileManager.default.removeItem(atPath: tmpFile) }
            }
        }
        return (program, false)
    }

    func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }

    /// Turns compiler output into diagnostics: the compiler's own `file:line:col: error:` lines.
    func compilerDiagnostics(_ output: String, mainPath: String, fallback: String) -> Error {
        var user: [Diagnostic] = [], generated: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            guard let m = String(line).wholeMatch(of: /(.+?):(\d+):(\d+): error: (.*)/) else { continue }
            let file = String(m.1)
            let d = Diagnostic(String(m.4), at: SourceLocation(file: file, line: Int(m.2) ?? 1, column: Int(m.3) ?? 1))
            if file == mainPath || file.hasSuffix("/main.swift") && file.hasPrefix(parent(mainPath)) {
                var g = d
                g.location.file = "<generated main.swift>"
                generated.append(g)
            } else if !user.contains(d) {
                user.append(d)
            }
        }
        let list = user.isEmpty ? generated : user
        if list.isEmpty {
            let tail = output.split(separator: "\n").suffix(20).joined(separator: "\n")
            return Diagnostic("compiling the specs failed:\n\(tail)", at: loc(fallback))
        }
        return list.count == 1 ? list[0] : DiagnosticList(list)
    }

    struct RunResult {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs a program with stdin from /dev/null and stdout/stderr captured in files, killing it after `timeout`.
    func run(_ executable: String, _ arguments: [String], timeout: Double,
             extraEnvironment: [String: String] = [:]) throws -> RunResult {
        let tmp = NSTemporaryDirectory() + "recovcheck-run-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let outPath = tmp + "/out", errPath = tmp + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            throw Diagnostic("cannot create temporary files in \(tmp)", at: SourceLocation(file: "<recovcheck>", line: 1, column: 1))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in extraEnvironment { env[k] = v }
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch {
            throw Diagnostic("cannot run \(executable): \(error.localizedDescription)", at: SourceLocation(file: "<recovcheck>", line: 1, column: 1))
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(p.processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        p.waitUntilExit()
        try? out.close(); try? err.close()
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return RunResult(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
                         timedOut: timedOut, stdout: stdout, stderr: stderr)
    }
}
