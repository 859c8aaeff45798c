import Foundation
import RecovCheck
import RecovIR
import RecovReport

public enum Approvals {
    /// The content hash of each procedure of the program: the SHA-256 of its canonical IR
    /// (`CanonicalIR`, the same canonicalization the result cache's keys use, done once per program).
    public static func hashes(_ program: Program) async throws -> [String: String] {
        let canonical = await CanonicalIR.of(program)
        var out: [String: String] = [:]
        for p in program.procedures { out[p.name] = try canonical.entry(p.name).hash }
        return out
    }

    public static func summary(_ results: [CheckResult]) -> String {
        let order: [VerdictKind] = [.proved, .holds, .violated, .unknown, .error, .notApplicable]
        return order.compactMap { v in
            let n = results.filter { $0.verdict == v }.count
            return n > 0 ? "\(n) \(v.rawValue)" : nil
        }.joined(separator: ", ")
    }

    /// Procedures whose checks do not all hold (`holds` or `not-applicable`), with one line each.
    public static func refusals(_ results: [CheckResult]) -> [String: String] {
        var out: [String: String] = [:]
        for r in results where !r.verdict.passes && r.verdict != .notApplicable {
            let line = "\(r.rule.rawValue) \(r.verdict.rawValue)"
            out[r.procedure] = out[r.procedure].map { $0 + ", " + line } ?? line
        }
        return out
    }

    /// Records approvals of every procedure in `results`, bound to its IR and to `sources` (the
    /// digest of the files it was compiled from; nil for IR files). An entry whose IR hash and
    /// sources are unchanged keeps its original approver and date, so re-approving leaves the file as it was.
    public static func approve(
        lock: LockFile, program: Program, results: [CheckResult], by: String, depth: Int,
        sources: String? = nil, date: Date = Date()
    ) async throws -> LockFile {
        let hashes = try await hashes(program)
        var out = lock
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        var byProcedure: [String: [CheckResult]] = [:]
        for r in results { byProcedure[r.procedure, default: []].append(r) }
        for (name, rs) in byProcedure {
            guard let h = hashes[name] else { continue }
            if let old = lock.procedures[name], old.hash == h, old.sources == sources { continue }
            var verdicts: [String: String] = [:]
            for r in rs { verdicts[r.rule.rawValue] = r.verdict.rawValue }
            out.procedures[name] = Approval(
                hash: h, sources: sources, approvedBy: by, date: f.string(from: date),
                toolVersion: RunReport.toolVersion,
                depth: depth, verdicts: verdicts, summary: summary(rs))
        }
        return out
    }

    /// One message per procedure of `names` that was never approved or changed since its approval:
    /// its IR differs, or the sources it was compiled from (`sources`, see `approve`) differ —
    /// whatever IR the spec program reported.
    public static func problems(
        lock: LockFile, lockPath: String, program: Program, procedures names: [String],
        sources: String? = nil
    ) async throws -> [String] {
        let hashes = try await hashes(program)
        var out: [String] = []
        for name in names {
            let p = program.procedure(named: name)
            let at =
                p.map { "\(TerminalText.escape(SourcePath.relative($0.loc.file))):\($0.loc.line):\($0.loc.column): " }
                ?? ""
            let name = TerminalText.escape(name)
            guard let h = hashes[p?.name ?? name] else { continue }
            guard let a = lock.procedures[p?.name ?? name] else {
                out.append(
                    "\(at)error: procedure '\(name)' was never approved (not in \(lockPath)); run `recovcheck approve` after review"
                )
                continue
            }
            let who = "\(TerminalText.escape(a.approvedBy)) on \(TerminalText.escape(a.date))"
            if a.hash != h {
                out.append(
                    "\(at)error: procedure '\(name)' changed since its approval by \(who) (hash \(a.hash.prefix(12)) → \(h.prefix(12))); review it and run `recovcheck approve` again"
                )
            } else if a.sources != sources {
                let what =
                    a.sources == nil
                    ? "its approval recorded no sources"
                    : sources == nil
                        ? "it was approved from compiled sources, now it comes from an IR file"
                        : "sources \(a.sources!.prefix(12)) → \(sources!.prefix(12)): a spec or model file compiled with it, the compiler or the DSL changed"
                out.append(
                    "\(at)error: procedure '\(name)' changed since its approval by \(who) (\(what)); review it and run `recovcheck approve` again"
                )
            }
        }
        return out
    }
}
