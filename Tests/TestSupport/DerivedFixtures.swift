import Foundation

/// Fixtures derived from the shipped models and specs by substitution (`Tests/Fixtures/derived.json`),
/// so that a flawed copy cannot drift from the design it flaws: each is written afresh into a
/// temporary project before a test runs it.
public enum DerivedFixtures {
    /// The repository root, from this file's path (Tests/TestSupport/DerivedFixtures.swift).
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// One entry of the table.
    public struct Fixture: Decodable, Sendable {
        /// The fixture's name, such as `flawed/threshold-one`.
        public var name: String
        /// The shipped files it copies, relative to the repository root (`models/…` or `specs/…`).
        public var files: [String]
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

    /// A derivation that cannot be made: the table is unreadable, names an unknown fixture or file,
    /// or a substitution's original text is not in the shipped file exactly once.
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

    /// Writes the fixture `name` into a new temporary folder with `specs/` and `models/`; returns it.
    public static func materialize(_ name: String) throws -> URL {
        guard let fixture = try all().first(where: { $0.name == name }) else {
            throw Failure(description: "no derived fixture named \(name) in Tests/Fixtures/derived.json")
        }
        var texts: [String: String] = [:]
        for file in fixture.files {
            guard file.hasPrefix("models/") || file.hasPrefix("specs/") else {
                throw Failure(description: "\(name): \(file) is neither under models/ nor under specs/")
            }
            guard let text = try? String(contentsOf: repoRoot.appendingPathComponent(file), encoding: .utf8) else {
                throw Failure(description: "\(name): cannot read the shipped file \(file)")
            }
            texts[file] = text
        }
        for (i, s) in fixture.substitutions.enumerated() {
            guard let text = texts[s.file] else {
                throw Failure(description: "\(name): substitution \(i + 1) edits \(s.file), which the fixture does not copy")
            }
            texts[s.file] = try substitute(s, in: text, fixture: name, index: i + 1)
        }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("recovcheck-derived-\(name.replacingOccurrences(of: "/", with: "-"))-\(UUID().uuidString)")
        for sub in ["specs", "models"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in fixture.files {
            let folder = file.hasPrefix("models/") ? "models" : "specs"
            let target = dir.appendingPathComponent(folder).appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
            try Data(texts[file, default: ""].utf8).write(to: target)
        }
        return dir
    }

    /// `text` with `s.old` (which must occur exactly once) replaced by `s.new`.
    public static func substitute(_ s: Substitution, in text: String, fixture: String = "", index: Int = 1) throws -> String {
        let old = s.old.joined(separator: "\n")
        guard !old.isEmpty else { throw Failure(description: "\(fixture): substitution \(index) has no original text") }
        let pieces = text.components(separatedBy: old)
        guard pieces.count == 2 else {
            let found = pieces.count == 1 ? "is not in" : "occurs \(pieces.count - 1) times in"
            throw Failure(description: "\(fixture): substitution \(index): the original text \(found) \(s.file): \(old)")
        }
        return pieces[0] + s.new.joined(separator: "\n") + pieces[1]
    }
}
