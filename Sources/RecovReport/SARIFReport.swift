import Foundation
import RecovCheck
import RecovIR

/// SARIF 2.1.0 output (`--format sarif`, `--sarif FILE`), for GitHub code scanning and other
/// review tools. One rule per property (stable rule ids), one result per violated, unknown or
/// error verdict, located at the spec's file, line and column; a counterexample becomes a code
/// flow with one thread-flow location per trace step.
///
/// File locations are relative to the project root (the repository holding the current folder)
/// with the `%SRCROOT%` base id, whatever folder the tool ran from; files outside it are absolute
/// `file://` URIs. Rules carry `security-severity` and tags, which code scanning uses to rank them.
public enum SARIFReport {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/recovcheck/recovcheck"

    public static func render(_ report: RunReport, redacted: Bool = false) throws -> String {
        let rules = Rule.allCases.map { r in
            ReportingDescriptor(
                id: r.rawValue, name: ruleName(r), shortDescription: .init(text: r.shortDescription),
                fullDescription: .init(text: r.fullDescription),
                help: .init(text: help(r), markdown: helpMarkdown(r)),
                defaultConfiguration: .init(level: "error"),
                properties: .init(
                    tags: tags(r), securitySeverity: securitySeverity(r), precision: "very-high",
                    problemSeverity: "error"))
        }
        var results: [ResultObject] = []
        for e in report.entries where [.violated, .unknown, .error].contains(e.result.verdict) {
            results.append(result(e, report: report))
        }
        let run = Run(
            tool: .init(
                driver: .init(
                    name: "recovcheck", version: RunReport.toolVersion, semanticVersion: RunReport.toolVersion,
                    informationUri: informationURI, rules: rules)),
            invocations: [
                .init(
                    executionSuccessful: true, exitCode: Int(report.exitCode),
                    properties: .init(
                        allowUnknown: report.allowUnknown, depth: report.options.depth,
                        timeoutSeconds: report.options.timeoutSeconds, redacted: redacted,
                        summary: report.summary, acceptedUnilateral: accepted(report)))
            ],
            results: results, columnKind: "unicodeCodePoints")
        let log = Log(schema: schemaURI, version: "2.1.0", runs: [run])
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(log), as: UTF8.self)
    }

    static func accepted(_ report: RunReport) -> [String]? {
        let all = report.results.flatMap { r in (r.acceptedUnilateral ?? []).map { "\(r.procedure): \($0.sentence)" } }
        return all.isEmpty ? nil : all
    }

    static func ruleName(_ r: Rule) -> String {
        r.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// GitHub code scanning's 0–10 score (9.0 and above is critical): unilateral control and
    /// loss of user funds are critical; a procedure that overreaches or misses its budget is high;
    /// a vacuous or unprovable check (sanity) is medium.
    static func securitySeverity(_ r: Rule) -> String {
        switch r {
        case .noUnilateralControl: return "9.5"
        case .noCollateralLoss: return "9.0"
        case .blastRadius: return "8.5"
        case .boundedIntervention: return "8.0"
        case .containmentTime, .invariant: return "7.0"
        case .sanity: return "5.0"
        }
    }

    static func tags(_ r: Rule) -> [String] {
        var t = ["security", "recovery-procedure", "formal-verification"]
        switch r {
        case .noUnilateralControl: t += ["external/cwe/cwe-654"]  // reliance on a single factor
        case .boundedIntervention: t += ["external/cwe/cwe-269"]  // improper privilege management
        default: break
        }
        return t
    }

    static func help(_ r: Rule) -> String {
        "\(r.fullDescription) A violated result carries a replayed counterexample trace (the code flow); an unknown result means the solver gave up and fails the gate unless --allow-unknown is given; an error is an input problem or a vacuous check."
    }

    static func helpMarkdown(_ r: Rule) -> String {
        "**\(r.rawValue)**: \(r.shortDescription)\n\n\(r.fullDescription)\n\nRun `recovcheck` locally on the spec to print the counterexample as a trace table. Unknown verdicts fail the gate unless `--allow-unknown` is given."
    }

    static func level(_ r: CheckResult, allowUnknown: Bool) -> String {
        switch r.verdict {
        case .unknown: return allowUnknown ? "warning" : "error"
        case .violated, .error: return "error"
        case .proved, .holds, .notApplicable: return "none"
        }
    }

    static func result(_ e: RunReport.Entry, report: RunReport) -> ResultObject {
        let r = e.result
        let world = e.world
        let procLoc = e.procedure?.loc
        let loc = usable(r.location) ? r.location : (procLoc.flatMap { usable($0) ? $0 : nil } ?? r.location)
        var text = "\(r.procedure): \(r.rule.rawValue) \(r.verdict.rawValue): \(r.message)"
        if r.verdict == .unknown && report.allowUnknown { text += " (allowed by --allow-unknown)" }
        var flows: [CodeFlow]?
        if let cex = r.counterexample {
            let lines = TraceLines.steps(cex, world: world)
            let locs = cex.steps.enumerated().map { i, st in
                ThreadFlowLocation(
                    location: Location(
                        physicalLocation: physical(st.location.flatMap { usable($0) ? $0 : nil } ?? loc),
                        message: .init(text: lines[i])),
                    executionOrder: i + 1)
            }
            flows = [CodeFlow(message: .init(text: cex.summary), threadFlows: [ThreadFlow(locations: locs)])]
        }
        return ResultObject(
            ruleId: r.rule.rawValue, ruleIndex: Rule.allCases.firstIndex(of: r.rule)!, kind: "fail",
            level: level(r, allowUnknown: report.allowUnknown), message: .init(text: text),
            locations: usable(loc) ? [Location(physicalLocation: physical(loc), message: nil)] : [],
            codeFlows: flows,
            partialFingerprints: ["recovcheckCheck/v1": "\(r.procedure)/\(r.rule.rawValue)"],
            properties: .init(
                procedure: r.procedure, verdict: r.verdict.rawValue, depth: r.depth, cached: r.cached,
                worstCase: r.worstCase, budget: r.budget,
                acceptedUnilateral: r.acceptedUnilateral?.map(\.sentence)))
    }

    static func usable(_ l: SourceLocation) -> Bool { l.line >= 1 && !l.file.isEmpty && !l.file.hasPrefix("<") }

    static func physical(_ l: SourceLocation) -> PhysicalLocation {
        let rel = SourcePath.relativeToProjectRoot(l.file)
        let allowed = CharacterSet.urlPathAllowed
        let artifact: ArtifactLocation
        if rel.hasPrefix("/") {
            artifact = ArtifactLocation(
                uri: "file://" + (rel.addingPercentEncoding(withAllowedCharacters: allowed) ?? rel), uriBaseId: nil)
        } else {
            artifact = ArtifactLocation(
                uri: rel.addingPercentEncoding(withAllowedCharacters: allowed) ?? rel, uriBaseId: "%SRCROOT%")
        }
        return PhysicalLocation(
            artifactLocation: artifact,
            region: l.line >= 1 ? Region(startLine: l.line, startColumn: l.column >= 1 ? l.column : nil) : nil)
    }

    // MARK: The subset of the SARIF 2.1.0 object model recovcheck writes.

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [ResultObject]
        var columnKind: String
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }
    struct Text: Encodable { var text: String }
    struct Help: Encodable {
        var text: String
        var markdown: String
    }
    struct Configuration: Encodable { var level: String }
    struct Tags: Encodable {
        var tags: [String]
        var securitySeverity: String
        var precision: String
        var problemSeverity: String
        enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity", precision, problemSeverity = "problem.severity"
        }
    }
    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Help
        var defaultConfiguration: Configuration
        var properties: Tags
    }
    struct InvocationProperties: Encodable {
        var allowUnknown: Bool
        var depth: Int
        var timeoutSeconds: Double
        var redacted: Bool
        var summary: [String: Int]
        /// Every role accepted as held by one entity, with its reason (passing checks have no
        /// result entry, so the run lists them): "Procedure: role 'x' accepted as held by one entity: why".
        var acceptedUnilateral: [String]?
    }
    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var exitCode: Int
        var properties: InvocationProperties
    }
    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var message: Text?
    }
    struct ThreadFlowLocation: Encodable {
        var location: Location
        var executionOrder: Int
    }
    struct ThreadFlow: Encodable { var locations: [ThreadFlowLocation] }
    struct CodeFlow: Encodable {
        var message: Text
        var threadFlows: [ThreadFlow]
    }
    struct ResultProperties: Encodable {
        var procedure: String
        var verdict: String
        var depth: Int
        var cached: Bool
        var worstCase: Int?
        var budget: Int?
        /// For `no-unilateral-control`: "role 'x' accepted as held by one entity: <reason>".
        var acceptedUnilateral: [String]?
    }
    struct ResultObject: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var kind: String
        var level: String
        var message: Text
        var locations: [Location]
        var codeFlows: [CodeFlow]?
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }
}
