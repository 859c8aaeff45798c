import CZ3
import Foundation
import Synchronization

/// Writes every solver query of a check as an SMT-LIB2 file (`--dump-smt DIR`), so a verdict can
/// be reproduced with the `z3` command line or another solver, or attached to a bug report.
///
/// Bound for the duration of one check with `SMTQueryDump.$current.withValue(dump) { ... }`;
/// every `Z3Solver.check` inside writes `<prefix>.<NNNN>.smt2` with the solver's options, its
/// assertions, the `check-sat` (or `check-sat-assuming`) command and recovcheck's own answer as a
/// comment.
public final class SMTQueryDump: Sendable {
    /// The dump of the check running on this task or thread, if any.
    @TaskLocal public static var current: SMTQueryDump?

    public let directory: String
    public let prefix: String
    /// Files written so far, and the first error met while writing.
    private let state = Mutex<(count: Int, writeError: String?)>((0, nil))

    /// The first error met while writing, reported once by the caller.
    public var writeError: String? { state.withLock { $0.writeError } }

    /// - Parameters:
    ///   - directory: where the files go (created if missing).
    ///   - prefix: the start of every file name, e.g. `LendingPause.blast-radius`.
    public init(directory: String, prefix: String) {
        self.directory = directory
        self.prefix = Self.fileSafe(prefix)
    }

    /// The files written so far.
    public var written: Int { state.withLock { $0.count } }

    func record(_ solver: Z3Solver, assumptions: [Z3Expr], result: SatResult) {
        let n = state.withLock { s in
            s.count += 1
            return s.count
        }
        var text = "; recovcheck query \(n) of \(prefix)\n"
        switch result {
        case .sat: text += "; recovcheck's answer: sat\n"
        case .unsat: text += "; recovcheck's answer: unsat\n"
        case .unknown(let why):
            text += "; recovcheck's answer: unknown (\(why.replacingOccurrences(of: "\n", with: " ")))\n"
        }
        text += "(set-option :smt.random_seed 0)\n"
        if solver.timeoutMs > 0 { text += "(set-option :timeout \(solver.timeoutMs))\n" }
        if solver.resourceLimit > 0 { text += "(set-option :rlimit \(solver.resourceLimit))\n" }
        text += Self.benchmark(solver, assumptions: assumptions)
        let name = prefix + "." + String(format: "%04d", n) + ".smt2"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        } catch {
            let message = "cannot write \(directory)/\(name): \(error.localizedDescription)"
            state.withLock { s in if s.writeError == nil { s.writeError = message } }
        }
    }

    /// The solver's assertions as an SMT-LIB2 script (declarations, asserts) ending in
    /// `(check-sat)`, or `(check-sat-assuming ...)` when the check had assumptions. Built from the
    /// assertion list rather than the solver's own printout, which carries model converters that
    /// are not SMT-LIB.
    static func benchmark(_ solver: Z3Solver, assumptions: [Z3Expr]) -> String {
        let ctx = solver.context.raw
        let vector = Z3_solver_get_assertions(ctx, solver.raw)!
        Z3_ast_vector_inc_ref(ctx, vector)
        defer { Z3_ast_vector_dec_ref(ctx, vector) }
        var asts: [Z3_ast?] = (0..<Z3_ast_vector_size(ctx, vector)).map { Z3_ast_vector_get(ctx, vector, $0) }
        // A tautology per assumption declares its symbols without constraining them. The context
        // counts references: every new term is held until the script is printed.
        var held: [Z3_ast] = []
        func hold(_ a: Z3_ast) -> Z3_ast {
            Z3_inc_ref(ctx, a)
            held.append(a)
            return a
        }
        defer { for a in held { Z3_dec_ref(ctx, a) } }
        for a in assumptions {
            let negation = hold(Z3_mk_not(ctx, a.ast))
            asts.append(hold(Z3_mk_or(ctx, 2, [a.ast, negation])))
        }
        let formula = asts.popLast().flatMap { $0 } ?? hold(Z3_mk_true(ctx))
        var script = asts.withUnsafeBufferPointer { buf in
            String(
                cString: Z3_benchmark_to_smtlib_string(
                    ctx, "", "ALL", "unknown", "", UInt32(buf.count), buf.baseAddress, formula))
        }
        guard !assumptions.isEmpty else { return script }
        if let r = script.range(of: "(check-sat)", options: .backwards) { script.removeSubrange(r) }
        let lits = assumptions.map { String(cString: Z3_ast_to_string(ctx, $0.ast)) }
        return script + "(check-sat-assuming (\(lits.joined(separator: " "))))\n"
    }

    /// Letters, digits, `-`, `_` and `.` are kept; anything else (from spec names) becomes `_`.
    static func fileSafe(_ s: String) -> String {
        String(
            s.unicodeScalars.map { c -> Character in
                let ok = (c.value < 128) && (CharacterSet.alphanumerics.contains(c) || "-_.".unicodeScalars.contains(c))
                return ok ? Character(c) : "_"
            })
    }
}
