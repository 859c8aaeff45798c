import Foundation
import RecovCheck
import RecovHash
import RecovIR

/// Canonical JSON and content hashes of the IR, shared by the result cache and the approvals.
///
/// The canonical form of a value is its JSON encoding with sorted keys and with every source
/// location (`loc`) removed, so moving a procedure within its file, adding a comment above it or
/// checking the repository out in another folder does not change its hash. The removed locations
/// are returned in a fixed traversal order: two values with the same canonical form have their
/// locations in corresponding order, which is how a cached result's locations are refreshed from
/// the current program.
public enum Canonical {
    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256Hasher.hex(of: data)
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// The canonical JSON object of `value` (locations removed) and the removed locations.
    public static func stripped<T: Encodable>(_ value: T) throws -> (object: Any, locations: [SourceLocation]) {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: enc.encode(value), options: [.fragmentsAllowed])
        var locations: [SourceLocation] = []
        let result = strip(object, into: &locations)
        return (result, locations)
    }

    /// The canonical bytes of `value` and its removed locations, in one pass: byte for byte
    /// `data(stripped(value).object)` and `stripped(value).locations` (the reference pipeline,
    /// `JSONEncoder` then `JSONSerialization` with sorted keys), without writing, parsing and
    /// re-sorting JSON text (`CanonicalEncoder`, `CanonicalWriter`). This is the one
    /// canonicalization of the IR: approvals' hashes and result-cache keys use it (`CanonicalIR`).
    public static func encode<T: Encodable>(_ value: T) throws -> (data: Data, locations: [SourceLocation]) {
        do {
            return try CanonicalWriter.write(try CanonicalEncoder.topLevel(value))
        } catch is CanonicalWriter.NeedsReference {
            let (object, locations) = try stripped(value)
            return (try data(object), locations)
        }
    }

    /// Serializes a JSON object with sorted keys.
    public static func data(_ object: Any) throws -> Data {
        try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
    }

    static func strip(_ value: Any, into locations: inout [SourceLocation]) -> Any {
        if let d = value as? [String: Any] {
            var out: [String: Any] = [:]
            for k in d.keys.sorted() {
                if k == "loc", let l = d[k] as? [String: Any], let file = l["file"] as? String,
                    let line = (l["line"] as? NSNumber)?.intValue, let column = (l["column"] as? NSNumber)?.intValue
                {
                    locations.append(SourceLocation(file: file, line: line, column: column))
                    continue
                }
                out[k] = strip(d[k]!, into: &locations)
            }
            return out
        }
        if let a = value as? [Any] { return a.map { strip($0, into: &locations) } }
        return value
    }
}

/// The IR one check depends on: a procedure with its model and incident.
public struct ProcedureIR: Encodable {
    public var irVersion: Int
    public var model: Model
    public var incident: Incident
    public var procedure: Procedure

    public init?(program: Program, procedure p: Procedure) {
        guard let m = program.model(named: p.model), let i = program.incident(named: p.incident) else { return nil }
        self.irVersion = RecovIR.irVersion
        self.model = m
        self.incident = i
        self.procedure = p
    }

    /// Canonical bytes (`Canonical.encode`), locations, and the content hash used by approvals.
    public func canonical() throws -> (data: Data, locations: [SourceLocation], hash: String) {
        let (data, locations) = try Canonical.encode(self)
        return (data, locations, Canonical.sha256(data))
    }
}
