import Foundation
import RecovCheck
import RecovIR

/// The versioned JSON report (`--format json`). Schema: docs/json-report.md.
public enum JSONReport {
    /// Version of the report schema; bumped on any incompatible change.
    public static let schemaVersion = 1

    /// The report as written, and as read back from shard files (`ShardMerge`): one schema.
    public struct Document: Codable, Sendable {
        public var schemaVersion: Int
        public var tool: String
        public var version: String
        public var depth: Int
        public var exitCode: Int32
        public var allowUnknown: Bool
        /// The number of results of each verdict.
        public var summary: [String: Int]
        public var results: [CheckResult]
        public var irCache: RunReport.IRCache?
        public var specProgram: SpecProgramInfo?

        /// The document of `report`.
        public init(_ report: RunReport) {
            self.schemaVersion = JSONReport.schemaVersion
            tool = "recovcheck"
            version = RunReport.toolVersion
            depth = report.options.depth
            exitCode = report.exitCode
            allowUnknown = report.allowUnknown
            summary = report.summary
            results = report.results
            irCache = report.irCache
            specProgram = report.specProgram
        }
    }

    public static func render(_ report: RunReport) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try enc.encode(Document(report)), as: UTF8.self)
    }

    /// Reads a report written by `render`.
    public static func read(_ data: Data) throws -> Document {
        try JSONDecoder().decode(Document.self, from: data)
    }
}
