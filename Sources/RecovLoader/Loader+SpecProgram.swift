import Foundation
import RecovIR

extension Loader {
    /// Builds the spec program in `tmp`:
    /// 1. the specs and models compile as a library module `RecovSpec`, with a symbol graph of
    ///    every global and static property (private ones too);
    /// 2. a generated main reads each of them (through `@_private` imports, one generated file per
    ///    source file so private names of different files cannot collide), which runs every lazy
    ///    initializer; each `Model`, `Incident` and `Procedure` registers itself when constructed,
    ///    and `__recovcheckMain` emits that registry.
    /// Returns the executable's path.
    func buildSpecProgram(files: [String], dsl: CompiledDSL, toolchain: Toolchain, in tmp: String, fallback: String)
        async throws -> String
    {
        let fm = FileManager.default
        let lib = tmp + "/lib"
        let graphs = tmp + "/symbol-graphs"
        let gen = tmp + "/generated"
        for d in [lib, graphs, gen] { try? fm.createDirectory(atPath: d, withIntermediateDirectories: true) }
        let limit = max(120, options.specTimeout)

        // Whole-module: one frontend instead of one per file, half the CPU time of a per-file build.
        // The compiler's own diagnostic style (snippet and caret), uncoloured: recovcheck relays it.
        let libArgs =
            [
                "-diagnostic-style", "swift", "-no-color-diagnostics", "-wmo", "-parse-as-library", "-module-name",
                "RecovSpec", "-swift-version", "5", "-Onone", "-g",
                "-enable-private-imports", "-I", dsl.directory, "-module-cache-path", moduleCachePath,
                "-emit-module", "-emit-module-path", lib + "/RecovSpec.swiftmodule",
                "-emit-symbol-graph", "-emit-symbol-graph-dir", graphs, "-symbol-graph-minimum-access-level", "private",
                "-emit-library", "-static", "-o", lib + "/libRecovSpec.a",
            ] + files
        let compile = try await run(toolchain.swiftc, libArgs, timeout: limit)
        if compile.timedOut { throw Diagnostic("swiftc did not finish within \(Int(limit)) s", at: loc(fallback)) }
        if compile.status != 0 {
            throw compilerDiagnostics(compile.stderr + compile.stdout, files: files, fallback: fallback)
        }

        let globals: [SpecGlobal]
        do { globals = try specGlobals(symbolGraphDirectory: graphs, module: "RecovSpec") } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic("\(error)", at: loc(fallback))
        }
        // One forcing function per source file; each statement on its own line, so a compile error
        // in generated code can be traced back to the declaration it reads.
        var byFile: [String: [SpecGlobal]] = [:]
        for g in globals { byFile[g.file, default: []].append(g) }
        var lineOwner: [String: SpecGlobal] = [:]  // "generated-file:line" -> declaration
        var calls: [String] = []
        for (index, file) in byFile.keys.sorted().enumerated() {
            let list = byFile[file]!
            let name = "__recovcheckForce\(index)"
            var text =
                "@_private(sourceFile: \(swiftLiteral((file as NSString).lastPathComponent))) import RecovSpec\nimport RecovDSL\n"
            for m in Set(list.compactMap(\.module)).sorted() { text += "import \(m)\n" }
            text += "func \(name)() {\n"
            var lineNo = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let path = gen + "/force\(index).swift"
            for g in list {
                // A global holding a procedure also says where it is declared: a procedure made
                // by a helper function is reported at this declaration (its caller), not in the helper.
                text +=
                    g.holdsProcedure
                    ? "    RecovDSL.__recovcheckDeclared(\(g.reference), file: \(swiftLiteral(g.file)), line: \(g.line), column: \(g.column))\n"
                    : "    _ = \(g.reference)\n"
                lineOwner["\(path):\(lineNo)"] = g
                lineNo += 1
            }
            text += "}\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            calls.append(name + "()")
        }
        let main = "import RecovDSL\n\n__recovcheckMain {\n" + calls.map { "    \($0)\n" }.joined() + "}\n"
        try main.write(toFile: gen + "/main.swift", atomically: true, encoding: .utf8)

        let exe = tmp + "/spec"
        let mainArgs =
            [
                "-module-name", "RecovSpecMain", "-swift-version", "5", "-Onone", "-g",
                "-I", lib, "-I", dsl.directory, "-L", lib, "-L", dsl.directory, "-lRecovSpec", "-lRecovDSL",
                "-lRecovIR",
                "-module-cache-path", moduleCachePath, "-o", exe,
            ]
            + (0..<calls.count).map { gen + "/force\($0).swift" } + [gen + "/main.swift"]
        let link = try await run(toolchain.swiftc, mainArgs, timeout: limit)
        if link.timedOut { throw Diagnostic("swiftc did not finish within \(Int(limit)) s", at: loc(fallback)) }
        if link.status != 0 {
            throw generatedCodeDiagnostics(link.stderr + link.stdout, lineOwner: lineOwner, fallback: fallback)
        }
        return exe
    }

    /// A compile error in generated code: blamed on the declaration the generated line reads,
    /// since recovcheck could then not run its initializer (so it refuses to go on).
    func generatedCodeDiagnostics(_ output: String, lineOwner: [String: SpecGlobal], fallback: String) -> Error {
        var list: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            guard let m = String(line).wholeMatch(of: /(.+?):(\d+):(\d+): error: (.*)/) else { continue }
            if let g = lineOwner["\(m.1):\(m.2)"] {
                let d = Diagnostic(
                    "recovcheck cannot read '\(g.displayName)' to run its initializer, so procedures it creates could not be found (\(m.4))",
                    at: SourceLocation(file: g.file, line: g.line, column: g.column))
                if !list.contains(d) { list.append(d) }
            }
        }
        if list.isEmpty {
            let tail = output.split(separator: "\n").suffix(20).joined(separator: "\n")
            return Diagnostic("internal error: linking the spec program failed:\n\(tail)", at: loc(fallback))
        }
        return list.count == 1 ? list[0] : DiagnosticList(list)
    }

    /// A Swift string literal of `s`.
    func swiftLiteral(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
