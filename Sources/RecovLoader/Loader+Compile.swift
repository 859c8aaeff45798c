import Foundation
import RecovHash
import RecovIR
import RecovProcess

extension Loader {
    /// The Swift compiler: `$SWIFTC`, else `swiftc` on `PATH`.
    func locateSwiftc() throws -> String {
        if let s = ProcessInfo.processInfo.environment["SWIFTC"], !s.isEmpty { return s }
        if let s = ExecutableLookup.onPath("swiftc") { return s }
        throw Diagnostic("cannot find swiftc (set SWIFTC or put it on PATH)", at: nil)
    }

    var cacheDirectoryPath: String {
        if let c = options.cacheDirectory { return absolute(c) }
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return x + "/recovcheck" }
        return (env["HOME"] ?? NSTemporaryDirectory()) + "/.cache/recovcheck"
    }

    /// How a source file is named in the IR the loader returns: relative to the project root, so
    /// that no machine path reaches an artefact and another checkout of the same sources gives the
    /// same IR. Applied while the spec program's IR is decoded.
    static let recordedPath: @Sendable (String) -> String = { ProjectRoot.relative($0) }

    /// Compiles `files` into one program, runs it and decodes its IR (locations named by
    /// `recordedPath`); says whether the cache answered.
    func compileAndRun(files: [String], specFiles: [String]) async throws -> CompiledSpecs {
        var sources: [(String, String)] = []
        for f in files { sources.append((f, try readText(f).text)) }
        try rejectConcurrency(sources)
        let toolchain = try await locateToolchain()
        let first = specFiles.first ?? files[0]

        // Cache key: the bytes of every source, the compiler, the DSL and the isolation (SourceFingerprint).
        let fingerprint = SourceFingerprint(
            sources: sources.map { ($0.0, Data($0.1.utf8)) }, compiler: toolchain.version,
            dsl: Self.dslKey(toolchain))
        // IR made inside bubblewrap is what `auto` produces wherever bubblewrap starts; when it is
        // cached, it is used without probing the sandbox (the program does not run). Anything else
        // needs the probe: IR made outside the sandbox never serves a sandboxed run.
        let bubblewrapFirst = options.useCache && options.sandbox == .auto
        if bubblewrapFirst, let hit = try cachedIR(fingerprint: fingerprint, isolation: .bubblewrap, sources: sources) {
            return hit
        }
        let isolation = try await SpecSandbox(mode: options.sandbox, seconds: options.specTimeout).isolation(
            at: loc(first))
        if options.useCache, !(bubblewrapFirst && isolation == .bubblewrap),
            let hit = try cachedIR(fingerprint: fingerprint, isolation: isolation, sources: sources)
        {
            return hit
        }
        let key = fingerprint.irCacheKey(isolation: isolation)

        let dsl = try await compiledDSL(toolchain)
        let tmp = NSTemporaryDirectory() + "recovcheck-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }

        let exe = try await buildSpecProgram(files: files, dsl: dsl, toolchain: toolchain, in: tmp, fallback: first)

        // Run, sandboxed (SpecSandbox), with the IR read from its FIFO.
        let names = specFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let data = try await runSandboxed(
            exe, sources: files, swiftc: toolchain.swiftc, workDirectory: tmp, specFiles: specFiles,
            environment: Self.crashReportingEnvironment
        ) { result in
            specProgramCrash(result, files: files, names: names, fallback: first)
        }
        struct Envelope: Decodable {
            struct D: Decodable {
                var file: String
                var line: Int
                var column: Int
                var message: String
            }
            var diagnostics: [D]?
        }
        if let env = try? JSONDecoder().decode(Envelope.self, from: data), let ds = env.diagnostics {
            let list = ds.map {
                Diagnostic(
                    TerminalText.escape($0.message, keepNewlines: true),
                    at: SourceLocation(
                        file: TerminalText.escape(ProjectRoot.relative($0.file)), line: $0.line, column: $0.column))
            }
            if list.count == 1 { throw list[0] }
            throw DiagnosticList(list)
        }
        let program = try decodeIR(data, file: "<IR of \(names)>", fileTransform: Self.recordedPath)
        try checkEveryProcedureWasCreated(program, sources: sources)
        if options.useCache {
            let dir = cacheDirectoryPath
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let tmpFile = dir + "/." + key + "." + UUID().uuidString
            if FileManager.default.createFile(atPath: tmpFile, contents: data) {
                if rename(tmpFile, dir + "/" + key + ".json") != 0 {
                    try? FileManager.default.removeItem(atPath: tmpFile)
                }
            }
        }
        return CompiledSpecs(
            program: locatingHelperProcedures(program, sources: sources), cacheHit: false,
            cacheKey: options.useCache ? key : nil,
            isolation: isolation, fingerprint: fingerprint)
    }

    /// The program of the IR cache entry for `fingerprint` made under `isolation`, if there is one.
    func cachedIR(fingerprint: SourceFingerprint, isolation: Isolation, sources: [(String, String)]) throws
        -> CompiledSpecs?
    {
        let key = fingerprint.irCacheKey(isolation: isolation)
        let cached = cacheDirectoryPath + "/" + key + ".json"
        guard let data = FileManager.default.contents(atPath: cached),
            let program = try? decodeIR(data, file: cached, fileTransform: Self.recordedPath)
        else { return nil }
        try checkEveryProcedureWasCreated(program, sources: sources)
        return CompiledSpecs(
            program: locatingHelperProcedures(program, sources: sources), cacheHit: true, cacheKey: key,
            isolation: isolation, fingerprint: fingerprint)
    }

    /// The safety net of discovery by construction: every `Procedure(` call in the sources must
    /// have created a procedure when the program ran, or that procedure would never be checked.
    func checkEveryProcedureWasCreated(_ program: Program, sources: [(String, String)]) throws {
        let created = Set(
            program.procedures.map { p in (p.createdAt ?? p.loc).file + ":\((p.createdAt ?? p.loc).line)" })
        var errors: [Diagnostic] = []
        for (path, text) in sources {
            let file = Self.recordedPath(path)
            for site in procedureCallSites(in: text) where !created.contains("\(file):\(site.line)") {
                errors.append(
                    Diagnostic(
                        "this procedure is never created by the spec program, so it would not be checked (is it in a function nobody calls, a type nobody uses, or an inactive #if?)",
                        at: SourceLocation(file: file, line: site.line, column: site.column)))
            }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw DiagnosticList(errors) }
    }

    func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }

    /// Turns compiler output into diagnostics: the compiler's own errors with their snippets, at
    /// the user's paths (relative to the project root), without the DSL's hidden parameters
    /// (`CompilerDiagnostics`). Errors elsewhere are shown only when the user's files have none.
    func compilerDiagnostics(_ output: String, files: [String], fallback: String) -> Error {
        var paths: [String: String] = [:]
        for f in files { paths[f] = ProjectRoot.relative(f) }
        let found = CompilerDiagnostics(displayPaths: paths, dslFileNames: Set(Self.dslSources.map(\.name)))
            .diagnostics(from: output)
        var list = found.user
        if list.isEmpty {
            list = found.elsewhere.map {
                Diagnostic(
                    $0.message,
                    at: SourceLocation(file: ProjectRoot.relative($0.file), line: $0.line, column: $0.column))
            }
        }
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

    /// Runs a trusted tool (the compiler) with recovcheck's environment through the process
    /// runner: its own process group, killed whole (compiler frontends too) after `timeout`.
    func run(_ executable: String, _ arguments: [String], timeout: Double) async throws -> RunResult {
        let caps = ProcessRunner.Caps(
            seconds: timeout, outputBytes: Self.toolOutputBytes, keptBytes: Self.toolOutputBytes,
            irBytes: nil)
        let r: ProcessRunner.Output
        do {
            r = try await ProcessRunner.run(
                [executable] + arguments, environment: ProcessInfo.processInfo.environment,
                directory: nil, caps: caps)
        } catch {
            throw Diagnostic("\(error)", at: nil)
        }
        let stdout = String(decoding: r.stdoutTail, as: UTF8.self)
        var stderr = String(decoding: r.stderrTail, as: UTF8.self)
        switch r.ending {
        case .exited(let code):
            return RunResult(status: code, signaled: false, timedOut: false, stdout: stdout, stderr: stderr)
        case .signaled(let signal):
            return RunResult(status: signal, signaled: true, timedOut: false, stdout: stdout, stderr: stderr)
        case .timedOut:
            return RunResult(status: SIGKILL, signaled: true, timedOut: true, stdout: stdout, stderr: stderr)
        case .outputTooLarge, .irTooLarge:
            stderr += "\n(\(executable) printed more than \(Self.toolOutputBytes >> 20) MiB and was stopped)"
            return RunResult(status: SIGKILL, signaled: true, timedOut: false, stdout: stdout, stderr: stderr)
        }
    }

    /// Output a tool (the compiler) may print before it is stopped; all of it is kept for diagnostics.
    static let toolOutputBytes = 32 << 20
}
