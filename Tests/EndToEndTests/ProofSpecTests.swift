import Foundation
import RecovTestSupport
import Testing

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

    @Test("a 13-move attack is never proved: found past --depth 10 (Spacer derives it), and at depth 15")
    func longAttack() async throws {
        // Within depth 10 the strike never fires (sanity's vacuity error says so); Spacer derives
        // the violation, and the search past the depth finds it at 13. Never a proof, never a pass.
        let r10 = try await invariantLine("long-attack")
        #expect(!r10.line.contains("PROVED") && !r10.line.contains("proved"), "\(r10.line)")
        #expect(r10.status != 0)
        #expect(r10.line.hasPrefix("  VIOLATED ") && r10.line.contains("at depth 13, past --depth 10"), "\(r10.line)")
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

    @Test(
        "a loss that needs 13 moves is never proved: Spacer derives it and the search past --depth 10 finds it at 13; bounded only, it holds at depth 10 and is violated at depth 14"
    )
    func lateDrain() async throws {
        let specs = "\(proofFixtures)/late-drain/specs"
        let out = try await runRecovcheck(["--no-cache", specs, "--models", specs])
        #expect(!out.signaled && !out.timedOut)
        #expect(out.status == 1)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let blast = lines.first { $0.contains(" blast-radius ") } ?? ""
        #expect(blast.hasPrefix("  VIOLATED "), "\(blast)")
        #expect(
            blast.contains("(at depth 13, past --depth 10: Spacer (CHC) derived that the property can fail after"),
            "\(blast)")
        #expect(out.stdout.contains("counterexample (13 transitions)"), "\(out.stdout)")
        let contained = lines.first { $0.contains(" containment-time ") } ?? ""
        #expect(contained.hasPrefix("  PROVED "), "\(contained)")
        let bounded = try await runRecovcheck([
            "--no-cache", specs, "--models", specs, "--no-proofs", "--rule", "blast-radius",
        ])
        let boundedLine =
            bounded.stdout.split(separator: "\n").map(String.init).first { $0.contains(" blast-radius ") } ?? ""
        #expect(boundedLine.hasPrefix("  holds "), "\(boundedLine)")
        #expect(!boundedLine.contains("proved") && !boundedLine.contains("PROVED"), "\(boundedLine)")
        let deep = try await runRecovcheck([
            "--no-cache", specs, "--models", specs, "--depth", "14", "--rule", "blast-radius",
        ])
        #expect(deep.status == 1)
        #expect(deep.stdout.contains("VIOLATED  blast-radius"), "\(deep.stdout)")
        #expect(!deep.stdout.contains("past --depth"), "\(deep.stdout)")
    }

    @Test("--no-proofs gives the bounded verdict")
    func noProofs() async throws {
        let r = try await invariantLine("inductive", ["--no-proofs"])
        #expect(r.line.hasPrefix("  holds "), "\(r.line)")
    }
}
