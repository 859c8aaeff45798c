import Foundation
import RecovIR
import Testing

@testable import RecovLoader

private let fixtures: String = {
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/dsl").path
}()

private func tempDir() -> String {
    let d = NSTemporaryDirectory() + "recovloader-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
}

private func noCache(timeout: Double = 60) -> Loader {
    Loader(options: LoaderOptions(useCache: false, specTimeout: timeout))
}

/// The error text a user would see.
private func errorText(_ body: () async throws -> Any) async -> String? {
    do {
        _ = try await body()
        return nil
    } catch let d as Diagnostic { return d.description } catch let l as DiagnosticList {
        return l.description
    } catch { return "UNEXPECTED ERROR TYPE: \(error)" }
}

@Suite struct RecovLoaderTests {
    @Test func compilesTheEmbeddedDSLIntoTheCacheOnce() async throws {
        let cache = tempDir()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let loader = Loader(options: LoaderOptions(cacheDirectory: cache))
        let dsl = try await loader.compiledDSL()
        #expect(dsl.directory == cache + "/dsl/" + dsl.key)
        #expect(FileManager.default.fileExists(atPath: dsl.directory + "/libRecovDSL.a"))
        #expect(FileManager.default.fileExists(atPath: dsl.directory + "/RecovDSL.swiftmodule"))
        // No temporary folder is left behind, and a second call finds the same library.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/dsl") == [dsl.key])
        #expect(try await loader.compiledDSL() == dsl)
    }

    @Test func loadsTheOkFixtureEndToEnd() async throws {
        let specs = fixtures + "/ok/specs"
        let result = try await noCache().loadWithInfo(paths: [specs])
        #expect(result.compiled && !result.cacheHit)
        #expect(
            result.swiftFiles.map { ($0 as NSString).lastPathComponent } == [
                "LendingPool.swift", "PauseOnExploit.swift",
            ])
        let p = result.program
        #expect(p.models.map(\.name) == ["LendingPool"])
        #expect(p.incidents.map(\.name) == ["ReentrancyExploit"])
        #expect(p.procedures.map(\.name) == ["PauseOnExploit"])
        let m = try #require(p.models.first)
        #expect(m.actions.map(\.name) == ["pause", "unpause", "withdraw", "liquidate", "migrateAll"])
        #expect(m.roles.map(\.kind) == [.multisig, .timelock, .governance, .anyone])
        // Locations are recorded relative to the project root (the repository holding the tests).
        #expect(m.state.first?.loc.file == ProjectRoot.relative(fixtures + "/ok/models/LendingPool.swift"))
        #expect(m.state.first?.loc.file.hasPrefix("/") == false)
        #expect(m.state.first?.loc.line == 5)
        let proc = try #require(p.procedures.first)
        #expect(proc.loc.file == ProjectRoot.relative(specs + "/PauseOnExploit.swift") && proc.loc.line == 15)
        #expect(proc.steps.map(\.role) == ["guardian", "admin"])
        #expect(proc.trigger.expr == .apply(.gt, [.variable("stolen"), .int(0)]))
        #expect(Validator().diagnose(p).map(\.description) == [])
    }

    @Test func loadsASingleSpecFileWithItsSiblingModels() async throws {
        let p = try await noCache().load(paths: [fixtures + "/ok/specs/PauseOnExploit.swift"])
        #expect(p.procedures.map(\.name) == ["PauseOnExploit"])
        #expect(p.models.map(\.name) == ["LendingPool"])
    }

    @Test func explicitModelsDirectory() async throws {
        let loader = Loader(options: LoaderOptions(modelsDirectory: fixtures + "/ok/models", useCache: false))
        let p = try await loader.load(paths: [fixtures + "/ok/specs/PauseOnExploit.swift"])
        #expect(p.models.map(\.name) == ["LendingPool"])
        let missing = fixtures + "/no-models-here"
        let bad = Loader(options: LoaderOptions(modelsDirectory: missing, useCache: false))
        let text = try #require(await errorText { try await bad.load(paths: [fixtures + "/ok/specs"]) })
        #expect(text == "\(missing):1:1: error: models folder \(missing) does not exist")
    }

    @Test func compileErrorsAreTheCompilersOwn() async throws {
        let text = try #require(
            await errorText { try await noCache().load(paths: [fixtures + "/compile-error/specs"]) })
        // At the path relative to the project root, with the compiler's snippet and caret.
        let path = ProjectRoot.relative(fixtures + "/compile-error/specs/Broken.swift")
        #expect(text.hasPrefix(path + ":8:17: error: cannot find 'undefinedThing' in scope\n"))
        #expect(text.contains(" 8 |         Require(undefinedThing)\n"))
        #expect(text.contains("`- error: cannot find 'undefinedThing' in scope"))
        #expect(!text.contains("main.swift"))
    }

    @Test func dslDiagnosticsPointAtTheUsersLine() async throws {
        let text = try #require(await errorText { try await noCache().load(paths: [fixtures + "/dsl-error"]) })
        // At the path relative to the project root, like the compiler's errors.
        #expect(text.hasPrefix(ProjectRoot.relative(fixtures + "/dsl-error/Assign.swift") + ":8:"))
        #expect(text.contains("error: Assign needs a state variable"))
    }

    @Test func unsupportedIRVersion() async throws {
        let path = fixtures + "/json/version99.json"
        let text = try #require(await errorText { try await noCache().load(paths: [path]) })
        #expect(text == "\(path):1:1: error: unsupported IR version 99 (this recovcheck reads 1)")
    }

    @Test func malformedIRNamesFileAndPath() async throws {
        let path = fixtures + "/json/malformed.json"
        let text = try #require(await errorText { try await noCache().load(paths: [path]) })
        #expect(text.hasPrefix(path + ":"))
        #expect(text.contains("models") && text.contains("error: malformed IR JSON"))
        let garbage = tempDir() + "/garbage.json"
        try "{\"version\": 1,\n  oops".write(toFile: garbage, atomically: true, encoding: .utf8)
        let text2 = try #require(await errorText { try await noCache().load(paths: [garbage]) })
        #expect(text2.hasPrefix(garbage + ":2:") && text2.contains("malformed IR JSON"))
        #expect(text.contains("expected an array at .models[0].state"))
    }

    @Test func mergesJSONAndSwiftInputs() async throws {
        let p = try await noCache().load(paths: [fixtures + "/json/empty-program.json", fixtures + "/prints"])
        #expect(p.models.map(\.name) == ["Printing"])
    }

    @Test func missingPathAndEmptyFolder() async throws {
        let missing = fixtures + "/does-not-exist.swift"
        let t1 = try #require(await errorText { try await noCache().load(paths: [missing]) })
        #expect(t1 == "\(missing):1:1: error: no such file or directory: \(missing)")
        let empty = tempDir()
        let t2 = try #require(await errorText { try await noCache().load(paths: [empty]) })
        #expect(t2.contains("no spec files (*.swift) in folder \(empty)"))
    }

    @Test func binaryFileIsRejected() async throws {
        let dir = tempDir()
        let path = dir + "/Binary.swift"
        #expect(FileManager.default.createFile(atPath: path, contents: Data([0xff, 0xfe, 0x00, 0x41, 0xc3])))
        let text = try #require(await errorText { try await noCache().load(paths: [path]) })
        #expect(text == "\(path):1:1: error: \(path) is not a UTF-8 text file")
    }

    @Test func specPrintingToStdoutStillLoads() async throws {
        let p = try await noCache().load(paths: [fixtures + "/prints"])
        #expect(p.models.map(\.name) == ["Printing"])
        #expect(p.models[0].actions.map(\.name) == ["go"])
    }

    /// The spec never ends: only the 2 s limit ends the load. A hang fails the test at its time
    /// limit (not a timed assertion: compiling the spec took over 60 s on a loaded CI machine).
    @Test(.timeLimit(.minutes(10))) func infiniteLoopIsKilled() async throws {
        let text = try #require(await errorText { try await noCache(timeout: 2).load(paths: [fixtures + "/loops"]) })
        #expect(text.contains("spec program did not finish within 2 s"))
        #expect(text.contains("Forever.swift"))
    }

    @Test func crashReportsStderr() async throws {
        let text = try #require(await errorText { try await noCache().load(paths: [fixtures + "/crash"]) })
        #expect(text.contains("spec program"))
        #expect(text.contains("boom from the spec"))
    }

    @Test func secondLoadHitsTheCache() async throws {
        let cache = tempDir()
        let loader = Loader(options: LoaderOptions(cacheDirectory: cache, useCache: true))
        let first = try await loader.loadWithInfo(paths: [fixtures + "/prints"])
        #expect(first.compiled && !first.cacheHit)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1 && files[0].count == 64 + 5)
        let second = try await loader.loadWithInfo(paths: [fixtures + "/prints"])
        #expect(second.cacheHit && !second.compiled)
        #expect(second.program == first.program)
    }

    @Test func unwritableCacheIsNotFatal() async throws {
        let loader = Loader(options: LoaderOptions(cacheDirectory: "/proc/recovcheck-no-such-cache", useCache: true))
        let result = try await loader.loadWithInfo(paths: [fixtures + "/prints"])
        #expect(result.program.models.map(\.name) == ["Printing"])
    }
}

@Suite struct ProcedureCallSiteTests {
    @Test func findsCallsOutsideCommentsAndStrings() async {
        let src = #"""
            import RecovDSL
            let a = Procedure("A", model: m, incident: i) { Trigger(x) }
            // let b = Procedure("B")
            /* Procedure( /* nested */ Procedure( */
            let s = "Procedure(\(1))", t = #"Procedure("#
            let multi = """
                Procedure(
                """
            enum E { static let c = RecovDSL.Procedure ("C", model: m, incident: i) { Trigger(x) } }
            let notACall: [Procedure] = []
            """#
        let sites = procedureCallSites(in: src)
        #expect(sites.map(\.line) == [2, 9])
        #expect(sites.map(\.column) == [9, 34])
    }

    @Test func skipsOnlyBranchesThatAreSurelyInactive() async {
        let src = """
            #if false
            let a = Procedure("A")
            #elseif SOME_FLAG || os(Linux) && false
            let b = Procedure("B")
            #else
            let c = Procedure("C")
            #endif
            #if canImport(Foundation)
            let d = Procedure("D")
            #else
            let e = Procedure("E")
            #endif
            #if !DEBUG // a comment
              #if true
            let f = Procedure("F")
              #endif
            #endif
            let s = "#if false"
            let g = Procedure("G")
            """
        #expect(procedureCallSites(in: src).map(\.line) == [6, 9, 11, 15, 19])
    }

    /// Work started on another task or thread may run after the spec program wrote its IR: every
    /// such name is found in code, not in comments, strings or surely inactive branches.
    @Test func findsConcurrencyInCodeOnly() {
        let src = #"""
            // Task { } in a comment, /* Thread */ too
            let label = "Task, DispatchQueue"
            let later = Task { make("B") }
            #if false
            let never = Thread { }
            #endif
            let q = Dispatch.DispatchQueue(label: "q"); let tasks = taskCount
            func f() async { await withTaskGroup(of: Void.self) { _ in } }
            let registered = atexit { }
            """#
        let uses = concurrencyUses(in: src)
        #expect(uses.map(\.name) == ["Task", "DispatchQueue", "withTaskGroup", "atexit"])
        #expect(uses.map(\.line) == [3, 7, 8, 9])
        #expect(uses.first?.column == 13)
    }
}

@Suite struct CompilationConditionTests {
    @Test func evaluatesWhatIsCertainOnly() async {
        #expect(CompilationCondition.evaluate("false") == false)
        #expect(CompilationCondition.evaluate("DEBUG") == false)
        #expect(CompilationCondition.evaluate("!DEBUG && true") == true)
        #expect(CompilationCondition.evaluate("canImport(Foundation)") == nil)
        #expect(CompilationCondition.evaluate("canImport(Foundation) && false") == false)
        #expect(CompilationCondition.evaluate("canImport(Foundation) || (true)") == true)
        #expect(CompilationCondition.evaluate("swift(>=5.9)") == nil)
        #expect(CompilationCondition.evaluate("os(Linux) || os(macOS)") == true)
        #expect(CompilationCondition.evaluate("&& broken") == nil)
    }
}
