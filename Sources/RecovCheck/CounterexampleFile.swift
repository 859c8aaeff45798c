import Foundation
import RecovIR

/// A counterexample saved as a replayable file (`<procedure>.<rule>.cex.json`), so that a flaw
/// found once becomes a regression test: `recovcheck replay FILE` re-executes it on the concrete
/// evaluator and re-checks the property, against the IR saved in the file or against the current
/// specs. Schema: docs/counterexample-files.md.
public struct CounterexampleFile: Codable, Sendable, Hashable {
    /// The value of `format`, identifying the kind of file.
    public static let formatName = "recovcheck-counterexample"
    /// Version of this file format; bumped on any incompatible change.
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    /// Version of the recovcheck that wrote the file.
    public var toolVersion: String
    /// IR wire format version of `model`, `incident` and `procedureIR`.
    public var irVersion: Int
    /// Name of the violating procedure.
    public var procedure: String
    /// The violated property.
    public var rule: Rule
    /// The one-sentence summary the check reported.
    public var summary: String
    /// The unrolling depth of the check that found it.
    public var depth: Int
    /// Where the violated declaration is.
    public var location: SourceLocation
    /// The IR needed to replay the trace without the spec files.
    public var model: Model
    public var incident: Incident
    public var procedureIR: Procedure
    /// The initial state, then the transitions and the state after each one (as reported).
    public var initialState: SavedState
    public var transitions: [Transition]
    public var states: [SavedState]
    /// What the check claimed beyond the trace: the representative account, the coalition.
    public var account: Int?
    public var coalition: [String]?
    public var attackerInCoalition: Bool

    /// Builds the file of a violated result's counterexample; nil when `result` has none.
    public init?(result: CheckResult, world: World, toolVersion: String) {
        guard result.verdict == .violated, let cex = result.counterexample, let first = cex.steps.first else {
            return nil
        }
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.toolVersion = toolVersion
        irVersion = RecovIR.irVersion
        procedure = result.procedure
        rule = result.rule
        summary = cex.summary
        depth = result.depth
        location = cex.location
        model = world.model
        incident = world.incident
        procedureIR = world.procedure
        initialState = SavedState(first.state)
        transitions = cex.steps.dropFirst().compactMap(\.transition)
        states = cex.steps.dropFirst().map { SavedState($0.state) }
        account = cex.account
        coalition = cex.coalition
        // Copied from the check, never recomputed: the attacker may be in the coalition with no
        // compromised entity at all (borrowed voting power).
        attackerInCoalition = cex.attacker ?? false
    }

    /// `<procedure>.<rule>.cex.json`, with characters unsafe in file names replaced by `_`.
    public var fileName: String {
        let safe = procedure.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "_"
        }
        return String(safe) + "." + rule.rawValue + ".cex.json"
    }

    /// Stable, pretty-printed JSON: the same counterexample gives the same bytes.
    public func encoded() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try enc.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a file; throws a readable message for another kind of file or a newer format.
    public static func read(_ data: Data) throws -> CounterexampleFile {
        struct Header: Decodable {
            var format: String?
            var formatVersion: Int?
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw ReplayError.unreplayableFile("not a JSON object")
        }
        guard header.format == formatName else {
            throw ReplayError.unreplayableFile(
                "not a recovcheck counterexample file (\"format\" is not \"\(formatName)\")")
        }
        guard let v = header.formatVersion, v <= currentFormatVersion, v >= 1 else {
            throw ReplayError.unreplayableFile(
                "counterexample format version \(header.formatVersion.map(String.init) ?? "missing") is not supported (this recovcheck reads version \(currentFormatVersion))"
            )
        }
        do {
            let file = try JSONDecoder().decode(CounterexampleFile.self, from: data)
            guard file.irVersion == RecovIR.irVersion else {
                throw ReplayError.unreplayableFile(
                    "the file's IR version \(file.irVersion) differs from this recovcheck's \(RecovIR.irVersion)")
            }
            return file
        } catch let p as ReplayError {
            throw p
        } catch {
            throw ReplayError.unreplayableFile("malformed counterexample file: \(error)")
        }
    }
}
