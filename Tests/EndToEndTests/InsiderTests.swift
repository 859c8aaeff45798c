import Foundation
import RecovTestSupport
import Testing

// Issue 14, part 7: `Insider(entity)`. Hand-worked specs in Tests/Fixtures/insider, each run
// through the real binary; every fixture's header states the verdicts worked out by hand. The
// multisig variants are derived from rescue-1of1 by Tests/Fixtures/derived.json.

/// Runs fixture folders one after another; verdicts keyed "IRInsider/no-collateral-loss".
private func runFixture(_ names: String...) async throws -> FixtureVerdicts {
    try await FixtureVerdicts.run(names.map { "insider/\($0)" }, perProcedure: true)
}

private func passes(_ v: String?) -> Bool { FixtureVerdicts.passes(v) }

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
