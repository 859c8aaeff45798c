import Foundation
import RecovIR

/// Finds spec and model files, compiles them with `swiftc` against RecovDSL, runs the program,
/// reads the IR back (caching it by content hash), and loads IR JSON files directly.
public struct Loader: Sendable {
    /// The options in effect.
    public var options: LoaderOptions

    /// Creates a loader.
    public init(options: LoaderOptions = LoaderOptions()) { self.options = options }

    /// Loads `paths` (`.swift` specs, folders of specs, `.json` IR files) into one program.
    /// Throws `Diagnostic` or `DiagnosticList` for every user-facing problem.
    public func load(paths: [String]) async throws -> Program {
        try await loadWithInfo(paths: paths).program
    }

    /// Like `load(paths:)`, also telling whether the specs were compiled or came from the cache.
    public func loadWithInfo(paths: [String]) async throws -> LoadResult {
        let inputs = try Inputs(paths, loader: self)
        var programs: [Program] = []
        for j in inputs.jsonFiles { programs.append(try loadJSON(path: j)) }
        var result = LoadResult(program: Program(), compiled: false, cacheHit: false, cacheKey: nil, swiftFiles: [])
        if !inputs.specFiles.isEmpty { programs.append(try await loadSpecs(inputs, into: &result)) }
        result.program = try merge(programs)
        return result
    }

    /// The inputs of a load by kind: Swift specs, IR files, and the `models/` folders that may sit
    /// beside the specs.
    private struct Inputs {
        var specFiles: [String] = []
        var jsonFiles: [String] = []
        var modelDirs: [String] = []

        init(_ paths: [String], loader: Loader) throws {
            if paths.isEmpty { throw Diagnostic("no input files", at: nil) }
            let fm = FileManager.default
            for raw in paths {
                let path = loader.absolute(raw)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                    throw Diagnostic("no such file or directory: \(raw)", at: loader.loc(raw))
                }
                if isDir.boolValue {
                    let found = try loader.swiftFiles(under: path)
                    if found.isEmpty {
                        throw Diagnostic("no spec files (*.swift) in folder \(raw)", at: loader.loc(raw))
                    }
                    specFiles += found
                    modelDirs += [path + "/models", loader.parent(path) + "/models"]
                } else if path.hasSuffix(".json") {
                    jsonFiles.append(path)
                } else if path.hasSuffix(".swift") {
                    specFiles.append(path)
                    let dir = loader.parent(path)
                    modelDirs += [dir + "/models", loader.parent(dir) + "/models"]
                } else {
                    throw Diagnostic(
                        "unsupported input \(raw): expected a .swift spec, a folder of specs, or a .json IR file",
                        at: loader.loc(raw))
                }
            }
        }
    }

    /// Compiles and runs the specs of `inputs` with the shared model files (or reads their IR from
    /// the cache), recording how in `result`.
    private func loadSpecs(_ inputs: Inputs, into result: inout LoadResult) async throws -> Program {
        let files = Set(inputs.specFiles).union(try modelFiles(candidates: inputs.modelDirs)).sorted()
        let compiled = try await compileAndRun(files: files, specFiles: inputs.specFiles.sorted())
        result.compiled = !compiled.cacheHit
        result.cacheHit = compiled.cacheHit
        result.cacheKey = compiled.cacheKey
        result.isolation = compiled.isolation
        result.fingerprint = compiled.fingerprint
        result.swiftFiles = files
        return compiled.program
    }

    /// The shared model files: those of `--models`, else those of each of `candidates` that exists.
    private func modelFiles(candidates: [String]) throws -> [String] {
        let fm = FileManager.default
        if let m = options.modelsDirectory {
            let dir = absolute(m)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw Diagnostic("models folder \(m) does not exist", at: loc(m))
            }
            return try swiftFiles(under: dir)
        }
        var out: [String] = []
        for dir in Set(candidates) {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue { out += try swiftFiles(under: dir) }
        }
        return out
    }

    // MARK: - JSON

    /// Decodes an IR JSON file.
    public func loadJSON(path: String) throws -> Program {
        let data = try readText(path).data
        return try decodeIR(data, file: path)
    }

    /// Decodes IR, with every source location's file passed through `fileTransform` when one is
    /// given. The document is parsed once when it is good; only a bad one is read again, for its
    /// version, so that a wrong or missing version is the error reported before any other.
    func decodeIR(_ data: Data, file: String, fileTransform: (@Sendable (String) -> String)? = nil) throws -> Program {
        let decoder = JSONDecoder()
        if let t = fileTransform { decoder.userInfo[SourceLocation.fileTransformKey] = SourceFileTransform(t) }
        let decoded: Result<Program, Error> = Result { try decoder.decode(Program.self, from: data) }
        if case .success(let program) = decoded, program.version == irVersion { return program }
        struct Probe: Decodable { var version: Int? }
        let probe: Probe
        do { probe = try JSONDecoder().decode(Probe.self, from: data) } catch {
            throw jsonDiagnostic(error, file: file, data: data)
        }
        guard let version = probe.version else {
            throw Diagnostic("IR file has no \"version\" field", at: loc(file))
        }
        guard version == irVersion else {
            throw Diagnostic("unsupported IR version \(version) (this recovcheck reads \(irVersion))", at: loc(file))
        }
        switch decoded {
        case .success(let program): return program
        case .failure(let error): throw jsonDiagnostic(error, file: file, data: data)
        }
    }

    func jsonDiagnostic(_ error: Error, file: String, data: Data) -> Diagnostic {
        func pathString(_ path: [CodingKey]) -> String {
            path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        func typeName(_ t: Any.Type) -> String {
            let s = "\(t)"
            if s.hasPrefix("Array") { return "an array" }
            if s.hasPrefix("Dictionary") { return "an object" }
            if s == "String" { return "a string" }
            if s == "Int" || s == "Double" { return "a number" }
            if s == "Bool" { return "a boolean" }
            return s
        }
        var message: String
        var line = 1
        var column = 1
        switch error {
        case DecodingError.dataCorrupted(let c) where c.codingPath.isEmpty:
            // Not JSON at all: ask the parser where, and turn its byte offset into line:column.
            message = "malformed IR JSON: \(c.debugDescription)"
            do { _ = try JSONSerialization.jsonObject(with: data) } catch {
                let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
                message = "malformed IR JSON: \(detail)"
                if let m = detail.firstMatch(of: /character (\d+)/), let offset = Int(m.1) {
                    for byte in data.prefix(offset) {
                        if byte == 10 {
                            line += 1
                            column = 1
                        } else if byte & 0xC0 != 0x80 {
                            column += 1
                        }
                    }
                }
            }
        case DecodingError.dataCorrupted(let c):
            message = "malformed IR JSON at \(pathString(c.codingPath)): \(c.debugDescription)"
        case DecodingError.keyNotFound(let k, let c):
            message = "malformed IR JSON: missing key '\(k.stringValue)' at \(pathString(c.codingPath))"
        case DecodingError.typeMismatch(let t, let c):
            message = "malformed IR JSON: expected \(typeName(t)) at \(pathString(c.codingPath))"
        case DecodingError.valueNotFound(let t, let c):
            message = "malformed IR JSON: missing \(typeName(t)) at \(pathString(c.codingPath))"
        default:
            message = "malformed IR JSON: \(error)"
        }
        return Diagnostic(message, at: SourceLocation(file: file, line: line, column: column))
    }

    // MARK: - Merging

    func merge(_ programs: [Program]) throws -> Program {
        var out = Program()
        var errors: [Diagnostic] = []
        func add<T: Hashable>(
            _ items: [T], into list: inout [T], kind: String, name: (T) -> String, loc: (T) -> SourceLocation
        ) {
            for item in items {
                if let existing = list.first(where: { name($0) == name(item) }) {
                    if existing != item {
                        errors.append(
                            Diagnostic(
                                "\(kind) '\(name(item))' is declared twice with different content (first at \(loc(existing)))",
                                at: loc(item)))
                    }
                } else {
                    list.append(item)
                }
            }
        }
        for p in programs {
            add(p.models, into: &out.models, kind: "model", name: \.name, loc: \.loc)
            add(p.incidents, into: &out.incidents, kind: "incident", name: \.name, loc: \.loc)
            add(p.procedures, into: &out.procedures, kind: "procedure", name: \.name, loc: \.loc)
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return out
    }

    // MARK: - Files

    func absolute(_ path: String) -> String {
        let p = (path as NSString).expandingTildeInPath
        let abs = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
        return (abs as NSString).standardizingPath
    }

    func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    func loc(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// All `*.swift` files under `dir`, recursively, sorted.
    func swiftFiles(under dir: String) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else {
            throw Diagnostic("cannot read folder \(dir)", at: loc(dir))
        }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix(".swift") {
                let full = dir + "/" + rel
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    out.append(full)
                }
            }
        }
        return out.sorted()
    }

    /// Reads a text file, rejecting binary or non-UTF-8 content.
    func readText(_ path: String) throws -> (text: String, data: Data) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("cannot read \(path)", at: loc(path))
        }
        guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
            throw Diagnostic("\(path) is not a UTF-8 text file", at: loc(path))
        }
        return (text, data)
    }
}
