import Foundation
import Testing
import RecovTestSupport

// Issue 13: hand-worked specs in Tests/Fixtures/proofs, run through the real binary. Each
// fixture's header works out by hand whether the invariant is k-inductive.

private let proofFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/proofs").path

private func invariantLine(_ name: String, _ extra: [String] = []) async throws -> (status: Int32, line: String) {
    let specs = "\(proofFixtures)/\(name)/specs"
    let out = try await runRecovcheck(["--no-cache", specs, "--models", specs, "--rule", "invariant"] + extra)
    #expect(!out.signaled && !out.timedOut, "recovcheck crashed or hung on \(name)")
    let line = out.stdout.split(separator: "\n").first { $0.contains(" invariant ") }.map(String.init) ?? ""
    return (out.status, line)
}

@Suite("Proofs (issue 13): proved only where an inductive argument exists")
struct ProofSpecTests {
    @Test("an inductive invariant is proved by 1-induction")
    func inductive() async throws {
        let r = try await invariantLine("inductive")
        #expect(r.status == 0)
        #expect(r.line.hasPrefix("  PROVED "), "\(r.line)")
        #expect(r.line.contains("by 1-induction (re-checked)"))
    }

    @Test("a 13-move attack holds to depth 10, is never proved, and is found at depth 15")
    func longAttack() async throws {
        // Within depth 10 the strike never fires: the bounded verdict, or the vacuity error that
        // says so (an attack that cannot fire within the depth), never a proof.
        let r10 = try await invariantLine("long-attack")
        #expect(!r10.line.contains("PROVED") && !r10.line.contains("proved"), "\(r10.line)")
        #expect((r10.status == 0 && r10.line.hasPrefix("  holds ")) || (r10.status == 2 && r10.line.contains("vacuous")), "\(r10.line)")
        let r15 = try await invariantLine("long-attack", ["--depth", "15"])
        #expect(r15.status == 1)
        #expect(r15.line.hasPrefix("  VIOLATED "), "\(r15.line)")
    }

    @Test("a true invariant that needs a strengthening is proved by an inductive invariant, printed with --explain")
    func needsStrengthening() async throws {
        let r = try await invariantLine("needs-strengthening")
        #expect(r.status == 0)
        #expect(r.line.hasPrefix("  PROVED "), "\(r.line)")
        #expect(r.line.contains("by an inductive invariant"), "\(r.line)")
        let specs = "\(proofFixtures)/needs-strengthening/specs"
        let out = try await runRecovcheck(["--no-cache", specs, "--models", specs, "--rule", "invariant", "--explain"])
        #expect(out.stdout.contains("- nsDebt + nsExposure == its value at the trigger"), "\(out.stdout)")
    }

    @Test("a loss that needs 13 moves is never proved: holds at depth 10, violated at depth 14")
    func lateDrain() async throws {
        let specs = "\(proofFixtures)/late-drain/specs"
        let out = try await runRecovcheck(["--no-cache", specs, "--models", specs])
        #expect(!out.signaled && !out.timedOut)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let blast = lines.first { $0.contains(" blast-radius ") } ?? ""
        #expect(blast.hasPrefix("  holds "), "\(blast)")
        #expect(!blast.contains("proved"), "\(blast)")
        let contained = lines.first { $0.contains(" containment-time ") } ?? ""
        #expect(contained.hasPrefix("  PROVED "), "\(contained)")
        let deep = try await runRecovcheck(["--no-cache", specs, "--models", specs, "--depth", "14", "--rule", "blast-radius"])
        #expect(deep.status == 1)
        #expect(deep.stdout.contains("VIOLATED  blast-radius"), "\(deep.stdout)")
    }

    @Test("--no-proofs gives the bounded verdict")
    func noProofs() async throws {
        let r = try await invariantLine("inductive", ["--no-proofs"])
        #expect(r.line.hasPrefix("  holds "), "\(r.line)")
    }
}
