import Foundation
import RecovIR
import Synchronization

/// The canonical form of each procedure of a program (its IR with its model and incident, see
/// `ProcedureIR`): the one canonicalization that both the result cache's keys
/// (`ResultCache.keys`) and the approvals' hashes (`Approvals.hashes`) read.
///
/// `of(_:)` remembers the last program it was asked about, so a run that needs both (a cached
/// run with `--require-approved`) canonicalizes each procedure once.
public struct CanonicalIR: Sendable {
    /// One procedure's canonical bytes, the locations removed from them, and their SHA-256.
    public struct Entry: Sendable, Equatable {
        public let data: Data
        public let locations: [SourceLocation]
        public let hash: String
    }

    /// By procedure name (the first procedure of a name, as `Program.procedure(named:)`).
    public let entries: [String: Entry]
    /// Procedures that have no canonical form, with why: an unknown model or incident.
    public let failures: [String: String]

    /// Canonicalizes every procedure of `program`, the procedures spread over the cores.
    public init(program: Program) async {
        var seen = Set<String>()
        let procedures = program.procedures.filter { seen.insert($0.name).inserted }
        let results = await procedures.concurrentMap(width: ProcessInfo.processInfo.activeProcessorCount) {
            p -> Result<Entry, GateError> in
            guard let ir = ProcedureIR(program: program, procedure: p) else {
                return .failure(GateError("procedure '\(p.name)': unknown model or incident"))
            }
            do {
                let c = try ir.canonical()
                return .success(Entry(data: c.data, locations: c.locations, hash: c.hash))
            } catch {
                return .failure(GateError("procedure '\(p.name)': cannot serialize its IR: \(error)"))
            }
        }
        var entries: [String: Entry] = [:]
        var failures: [String: String] = [:]
        for (p, r) in zip(procedures, results) {
            switch r {
            case .success(let e): entries[p.name] = e
            case .failure(let e): failures[p.name] = e.message
            }
        }
        self.entries = entries
        self.failures = failures
    }

    /// The entry of procedure `name`, or the reason it has none.
    public func entry(_ name: String) throws -> Entry {
        if let e = entries[name] { return e }
        throw GateError(failures[name] ?? "procedure '\(name)': not in the program")
    }

    private static let last = Mutex<(program: Program, canonical: CanonicalIR)?>(nil)

    /// The canonical form of `program`, computed once for the last program asked about.
    public static func of(_ program: Program) async -> CanonicalIR {
        if let hit = last.withLock({ $0?.program == program ? $0?.canonical : nil }) { return hit }
        let c = await CanonicalIR(program: program)
        last.withLock { $0 = (program, c) }
        return c
    }
}
