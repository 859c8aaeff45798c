import Foundation
import Testing
import RecovTestSupport

// Issue 14, part 7: `Insider(entity)`. Hand-worked specs in Tests/Fixtures/insider, each run
// through the real binary; every fixture's header states the verdicts worked out by hand. The
// multisig variants are derived from rescue-1of1 by Tests/Fixtures/derived.json.

/// Runs fixture folders one after another and returns the worst exit status, the verdict per
/// procedure and rule id from the text reports ("IRInsider/no-collateral-loss"), stdout and stderr.
private func runFixture(_ names: String...) async throws -> (status: Int32, verdicts: [String: String], stdout: String, stderr: String) {
    var status: Int32 = 0, verdicts: [String: String] = [:], stdout = "", stderr = ""
    for name in names {
        let out = try await DerivedFixtures.withFixture("insider/\(name)") { dir in
            let specs = dir.appendingPathComponent("specs").path
            return try await runRecovcheck(["--no-cache", "--no-ir-cache", specs, "--models", specs])
        }
        #expect(!out.signaled && !out.timedOut, "recovcheck crashed or hung on \(name)")
        var procedure = ""
        for line in out.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if !line.hasPrefix(" "), let first = fields.first { procedure = String(first) }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), fields.count >= 2 else { continue }
            verdicts["\(procedure)/\(fields[1])"] = String(fields[0])
        }
        status = max(status, out.status)
        stdout += out.stdout
        stderr += out.stderr
    }
    return (status, verdicts, stdout, stderr)
}

/// A pass: bounded (`holds`) or by induction (`PROVED`).
private func passes(_ v: String?) -> Bool { v == "holds" || v == "PROVED" }

@Suite("Insider(entity): a holder acting alone outside the procedure (issue 14, part 7)")
struct InsiderTests {
    @Test("an insider holding the 1-of-1 rescue key reaches rescueTokens; no-unilateral-control as without it")
    func rescueOneOfOne() async throws {
        let r = try await runFixture("rescue-1of1")
        #expect(r.status == 1)
        #expect(r.verdicts["IRInsider/no-collateral-loss"] == "VIOLATED")
        #expect(r.verdicts["IRInsider/blast-radius"] == "VIOLATED")
        #expect(r.stdout.contains("insider Gamma Labs (holding g1) calling irRescueTokens() as irRescue"))
        #expect(passes(r.verdicts["IRInsider/no-unilateral-control"]))
        #expect(passes(r.verdicts["IRInsider/sanity"]))
        // Without the Insider, honest holders act only through the procedure.
        #expect(passes(r.verdicts["IRPlain/no-collateral-loss"]))
        #expect(passes(r.verdicts["IRPlain/blast-radius"]))
        #expect(passes(r.verdicts["IRPlain/no-unilateral-control"]))
    }

    @Test("behind a 2-of-3 multisig the insider cannot rescue alone; with two keys it can")
    func rescueMultisig() async throws {
        // Two fixtures: the 2-of-3 rescue (IMInsider) and Gamma Labs holding two of its keys (IM2Insider).
        let r = try await runFixture("rescue-multisig", "rescue-multisig-two-keys")
        #expect(r.status == 1)
        #expect(passes(r.verdicts["IMInsider/no-collateral-loss"]))
        #expect(passes(r.verdicts["IMInsider/blast-radius"]))
        #expect(passes(r.verdicts["IMInsider/no-unilateral-control"]))
        #expect(r.verdicts["IM2Insider/no-collateral-loss"] == "VIOLATED")
        #expect(r.verdicts["IM2Insider/no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("insider Gamma Labs (holding b2, g2) calling im2RescueTokens() as im2Rescue"))
    }

    @Test("an Insider outside the model, or also Compromised, or repeated, is an error at its line")
    func badInsider() async throws {
        let r = try await runFixture("bad-insider")
        #expect(r.status == 2)
        #expect(r.stderr.contains("BadInsider.swift:21:"))
        #expect(r.stderr.contains("Insider 'BI Mallory' is not an entity of model 'BadInsider'"))
        #expect(r.stderr.contains("BadInsider.swift:26:"))
        #expect(r.stderr.contains("is both Compromised and Insider"))
        #expect(r.stderr.contains("BadInsider.swift:27:"))
        #expect(r.stderr.contains("a second Insider('BI Gamma Labs')"))
    }
}
