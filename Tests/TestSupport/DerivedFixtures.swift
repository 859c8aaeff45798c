import Foundation

/// Fixtures derived by substitution (`Tests/Fixtures/derived.json`), so that a copy cannot drift
/// from the design it varies: a flawed copy of a shipped model and spec, or a variant of another
/// fixture (its base, itself tested). Each is written afresh into a temporary folder before a test
/// runs it.
public enum DerivedFixtures {
    /// The repository root, from this file's path (Tests/TestSupport/DerivedFixtures.swift).
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// One entry of the table: a copy of the shipped `files`, or of the fixture folder `base`.
    public struct Fixture: Decodable, Sendable {
        /// The fixture's name, such as `flawed/threshold-one` (its folder under Tests/Fixtures).
        public var name: String
        /// The shipped files it copies, relative to the repository root (`models/…` or `specs/…`).
        public var files: [String]?
        /// The fixture folder it copies whole (`Tests/Fixtures/…`, a real, tested fixture); the
        /// substitutions' files are then relative to it.
        public var base: String?
        /// The edits, applied in order.
        public var substitutions: [Substitution]
    }

    /// Replaces the lines `old` of `file` (which must occur exactly once) with the lines `new`.
    public struct Substitution: Decodable, Sendable {
        public var file: String
        public var old: [String]
        public var new: [String]

        public init(file: String, old: [String], new: [String]) {
            self.file = file
            self.old = old
            self.new = new
        }
    }

    private struct Table: Decodable { var fixtures: [Fixture] }

    /// A derivation that cannot be made: the table is unreadable, names an unknown fixture, file or
    /// base, or a substitution's original text is not in its file exactly once.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every fixture of the table, in its order.
    public static func all() throws -> [Fixture] {
        let url = repoRoot.appendingPathComponent("Tests/Fixtures/derived.json")
        do {
            return try JSONDecoder().decode(Table.self, from: Data(contentsOf: url)).fixtures
        } catch {
            throw Failure(description: "Tests/Fixtures/derived.json: \(error)")
        }
    }

    /// The names of the fixtures under `folder` (such as `flawed`), without it.
    public static func names(in folder: String) throws -> [String] {
        try all().map(\.name).filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
    }

    /// Runs `body` on the fixture folder `Tests/Fixtures/<name>`: for a derived fixture a fresh
    /// copy, removed afterwards; otherwise the folder itself.
    public static func withFixture<T>(_ name: String, _ body: (URL) async throws -> T) async throws -> T {
        guard try all().contains(where: { $0.name == name }) else {
            return try await body(repoRoot.appendingPathComponent("Tests/Fixtures/\(name)"))
        }
        let dir = try materialize(name)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try await body(dir)
    }

    /// Writes the fixture `name` into a new temporary folder and returns it: the shipped files under
    /// `specs/` and `models/`, or the base folder's files at their paths below it.
    public static func materialize(_ name: String) throws -> URL {
        guard let fixture = try all().first(where: { $0.name == name }) else {
            throw Failure(description: "no derived fixture named \(name) in Tests/Fixtures/derived.json")
        }
        var texts = try sources(of: fixture)
        for (i, s) in fixture.substitutions.enumerated() {
            guard let text = texts[s.file] else {
                throw Failure(
                    description: "\(name): substitution \(i + 1) edits \(s.file), which the fixture does not copy")
            }
            texts[s.file] = try substitute(s, in: text, fixture: name, index: i + 1)
        }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "recovcheck-derived-\(name.replacingOccurrences(of: "/", with: "-"))-\(UUID().uuidString)")
        if fixture.base == nil {
            for sub in ["specs", "models"] {
                try FileManager.default.createDirectory(
                    at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        }
        for (file, text) in texts {
            let target = dir.appendingPathComponent(fixture.base == nil ? target(ofShipped: file) : file)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        }
        return dir
    }

    /// The texts a fixture copies, keyed as its substitutions name them.
    private static func sources(of fixture: Fixture) throws -> [String: String] {
        let name = fixture.name
        var texts: [String: String] = [:]
        switch (fixture.files, fixture.base) {
        case (let files?, nil):
            for file in files {
                guard file.hasPrefix("models/") || file.hasPrefix("specs/") else {
                    throw Failure(description: "\(name): \(file) is neither under models/ nor under specs/")
                }
                guard let text = try? String(contentsOf: repoRoot.appendingPathComponent(file), encoding: .utf8) else {
                    throw Failure(description: "\(name): cannot read the shipped file \(file)")
                }
                texts[file] = text
            }
        case (nil, let base?):
            // A base must be a real fixture folder (so it is tested itself), not another derivation.
            let folder = repoRoot.appendingPathComponent(base)
            var isFolder: ObjCBool = false
            guard base.hasPrefix("Tests/Fixtures/"), !base.contains(".."),
                FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
            else {
                throw Failure(description: "\(name): base \(base) is not a fixture folder under Tests/Fixtures/")
            }
            let files = (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in
                var isDir: ObjCBool = false
                return !path.split(separator: "/").contains { $0.hasPrefix(".") }
                    && FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent(path).path, isDirectory: &isDir)
                    && !isDir.boolValue
            }
            for file in files {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
                    throw Failure(description: "\(name): cannot read \(base)/\(file)")
                }
                texts[file] = text
            }
        default:
            throw Failure(
                description: "\(name): give either files (shipped) or base (a fixture folder), not both or neither")
        }
        return texts
    }

    /// Where a shipped file goes in a materialized fixture: `specs/` or `models/` and its name.
    private static func target(ofShipped file: String) -> String {
        (file.hasPrefix("models/") ? "models/" : "specs/") + URL(fileURLWithPath: file).lastPathComponent
    }

    /// `text` with `s.old` (which must occur exactly once) replaced by `s.new`.
    public static func substitute(_ s: Substitution, in text: String, fixture: String = "", index: Int = 1) throws
        -> String
    {
        let old = s.old.joined(separator: "\n")
        guard !old.isEmpty else { throw Failure(description: "\(fixture): substitution \(index) has no original text") }
        let pieces = text.components(separatedBy: old)
        guard pieces.count == 2 else {
            let found = pieces.count == 1 ? "is not in" : "occurs \(pieces.count - 1) times in"
            throw Failure(
                description: "\(fixture): substitution \(index): the original text \(found) \(s.file): \(old)")
        }
        return pieces[0] + s.new.joined(separator: "\n") + pieces[1]
    }
}
