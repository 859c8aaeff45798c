import Foundation
import RecovIR
import RecovCheck

/// The versioned JSON report (`--format json`). Schema: docs/json-report.md.
public enum JSONReport {
    /// Version of the report schema; bumped on any incompatible change.
    public static let schemaVersion = 1

    struct Document: Encodable {
        var schemaVersion: Int
        var tool: String
        var version: String
        var depth: Int
        var exitCode: Int32
        var allowUnknown: Bool
        var summary: [String: Int]
        var results: [CheckResult]
        var irCache: RunReport.IRCache?
        var specProgram: SpecProgramInfo?
    }

    public static func render(_ report: RunReport) throws -> String {
        var summary: [String: Int] = [:]
        for v in [VerdictKind.proved, .holds, .violated, .unknown, .error, .notApplicable] { summary[v.rawValue] = report.count(v) }
        let doc = Document(schemaVersion: schemaVersion, tool: "recovcheck", version: RunReport.toolVersion, depth: report.options.depth,
                           exitCode: report.exitCode, allowUnknown: report.allowUnknown, summary: summary, results: report.results,
                           irCache: report.irCache, specProgram: report.specProgram)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try enc.encode(doc), as: UTF8.self)
    }
}
