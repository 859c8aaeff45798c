import Foundation

/// The committed approvals file (`recovcheck.lock`): JSON with sorted keys, one entry per procedure.
public struct LockFile: Codable, Sendable, Hashable {
    public static let defaultPath = "recovcheck.lock"
    public static let currentVersion = 1

    public var lockVersion: Int
    public var procedures: [String: Approval]

    public init(procedures: [String: Approval] = [:]) {
        self.lockVersion = Self.currentVersion
        self.procedures = procedures
    }

    /// Reads a lock file; a missing file is an empty lock.
    public static func read(_ path: String) throws -> LockFile {
        guard FileManager.default.fileExists(atPath: path) else { return LockFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GateError("cannot read the lock file", at: path)
        }
        do {
            let lock = try JSONDecoder().decode(LockFile.self, from: data)
            guard lock.lockVersion <= currentVersion else {
                throw GateError(
                    "lock file version \(lock.lockVersion) is newer than this recovcheck understands", at: path)
            }
            return lock
        } catch let e as GateError { throw e } catch {
            throw GateError("not a recovcheck lock file: \(error)", at: path)
        }
    }

    /// The stable text of the lock file.
    public func text() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    public func write(_ path: String) throws {
        try Data(try text().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
