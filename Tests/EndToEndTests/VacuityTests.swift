import Foundation
import RecovTestSupport
import Testing

/// Vacuity (issue 9, items 5 and 6), through the real binary on the hand-worked specs of
/// `Tests/Fixtures/vacuity/`: every one of them passed with exit 0 before sanity ran under
/// `--rule` and covered attacks and the containment condition; each must now be a sanity error
/// at the declaration's `file:line`, exit 2. The control spec `sound/` stays as it was.
@Suite(.serialized) struct VacuityTests {
    static let fixtures: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/vacuity").path

    private func check(_ name: String, _ extra: [String] = []) async throws -> RunOutput {
        try await runRecovcheck(
            [Self.fixtures + "/" + name, "--no-cache", "--quiet", "--jobs", "1", "--timeout", "60"] + extra)
    }

    /// The sanity error line on standard error.
    private func sanityError(_ r: RunOutput) -> String {
        r.stderr.split(separator: "\n").first { $0.contains(": error: ") && $0.contains(": sanity: ") }.map(String.init)
            ?? ""
    }

    @Test func ruleSelectionStillRunsSanity() async throws {
        // Before: `--rule invariant` printed only "holds invariant", exit 0.
        let r = try await check("no-initial-state", ["--rule", "invariant"])
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("ERROR     sanity"), "\(r.stdout)")
        #expect(r.stdout.contains("ERROR     invariant               vacuous:"), "\(r.stdout)")
        #expect(!r.stdout.contains("holds"), "\(r.stdout)")
        // At the assumption that leaves no initial state, not at the trigger (it was, before).
        #expect(sanityError(r).contains("NoInitialState.swift:24:"), "\(r.stderr)")
        #expect(
            sanityError(r).contains(
                "assumption 'overfull' (vaultCash > 100) at NoInitialState.swift:24 contradicts the declared ranges"),
            "\(r.stderr)")
    }

    @Test func twoAssumptionsThatContradictEachOther() async throws {
        let r = try await check("contradicting-assumptions")
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
        let e = sanityError(r)
        #expect(e.contains("ContradictingAssumptions.swift:22:"), "not at the first assumption: \(e)")
        #expect(
            e.contains("assumption 'low' (cash <= 10) at ContradictingAssumptions.swift:22")
                && e.contains("assumption 'high' (cash >= 50) at ContradictingAssumptions.swift:27")
                && e.contains("contradict each other"), "\(e)")
        #expect(!e.contains("trigger"), "the trigger is not to blame: \(e)")
        #expect(!r.stdout.contains("holds"), "\(r.stdout)")
    }

    /// `--rule blast-radius` on a spec that declares no blast radius checked nothing: it passed
    /// with every check "n/a" (exit 0); now an error, exit 2. With a rule that applies, it runs.
    @Test func ruleThatAppliesNowhereIsAnError() async throws {
        let spec = DerivedFixtures.repoRoot.appendingPathComponent("specs/LendingOracle.swift").path
        let r = try await runRecovcheck([spec, "--rule", "blast-radius", "--quiet", "--no-cache"])
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("--rule blast-radius: no procedure declares what this rule checks"), "\(r.stderr)")
        let both = try await runRecovcheck(
            [spec, "--rule", "blast-radius", "--rule", "invariant", "--quiet", "--no-cache"])
        #expect(both.status == 0, "exit \(both.status)\n\(both.stdout)\n\(both.stderr)")
    }

    @Test func ruleSelectionKeepsAttackCovers() async throws {
        let r = try await check("attack-ruled-out", ["--rule", "blast-radius", "--format", "json"])
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)")
        #expect(r.stdout.contains("\"verdict\" : \"error\""), "\(r.stdout)")
        #expect(!r.stdout.contains("\"verdict\" : \"holds\""), "\(r.stdout)")
    }

    @Test func attackRuledOutByAnAssumption() async throws {
        // Before: every rule held, exit 0.
        let r = try await check("attack-ruled-out")
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)")
        let e = sanityError(r)
        #expect(e.contains("AttackRuledOut.swift:30:"), "not at the attack: \(e)")
        #expect(e.contains("attack 'drain' can never fire"), "\(e)")
        #expect(
            e.contains("assumption 'emptyReserve'") && e.contains("AttackRuledOut.swift:29"),
            "assumption not named: \(e)")
        #expect(!r.stdout.contains("holds"), "\(r.stdout)")
    }

    @Test func attackWhoseWhileIsNeverMet() async throws {
        let r = try await check("attack-never-live")
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)")
        let e = sanityError(r)
        #expect(e.contains("AttackNeverLive.swift:29:"), "not at the attack: \(e)")
        #expect(e.contains("attack 'exploit' can never fire") && e.contains("never met"), "\(e)")
    }

    @Test func containmentAlreadyTrueAtTheTrigger() async throws {
        let r = try await check("contained-at-trigger")
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)")
        let e = sanityError(r)
        #expect(e.contains("ContainedAtTrigger.swift:36:"), "not at the containment: \(e)")
        #expect(e.contains("already holds whenever the trigger"), "\(e)")
        #expect(r.stdout.contains("ERROR     containment-time        vacuous:"), "\(r.stdout)")
    }

    /// A blast radius over a variable nothing writes: the loss is 0 on every trace. Before: proved, exit 0.
    @Test func blastRadiusOverAnUnwrittenVariable() async throws {
        let r = try await check("unwritten-loss")
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)")
        #expect(
            r.stdout.contains(
                "ERROR     blast-radius            the blast-radius loss (500 - ulTreasury) never changes: no action, attack or oracle move writes 'ulTreasury', so blast-radius would pass vacuously"
            ), "\(r.stdout)")
        #expect(
            r.stderr.contains("UnwrittenLoss.swift:34:16: error: ULPause: blast-radius: the blast-radius loss"),
            "not at the BlastRadius: \(r.stderr)")
        // Only blast-radius is vacuous: sanity and the other rules are checked as before.
        #expect(
            r.stdout.contains("holds     sanity") && r.stdout.contains("PROVED    no-collateral-loss"), "\(r.stdout)")
    }

    /// A claim over a map nothing writes: no claim can ever drop. Before: proved, exit 0; now the
    /// rule does not apply in this world and says why (n/a is not a pass). A literal constant claim,
    /// `Claim { _ in IntExpr(0) }`, is a model with no per-account value: not this.
    @Test func claimOverAnUnwrittenMap() async throws {
        let r = try await check("unwritten-claim")
        #expect(r.status == 0, "exit \(r.status)\n\(r.stdout)")
        #expect(
            r.stdout.contains(
                "n/a       no-collateral-loss      the claim ucBal[a] never changes in this procedure's world: no action, attack or oracle move writes 'ucBal', so no claim can drop and there is nothing to check"
            ), "\(r.stdout)")
        #expect(!r.stdout.contains("PROVED    no-collateral-loss"), "\(r.stdout)")
        let only = try await check("unwritten-claim", ["--rule", "no-collateral-loss"])
        #expect(only.status != 0, "a run that checked nothing passed: \(only.stdout)\n\(only.stderr)")
    }

    @Test func soundProcedurePassesEveryCover() async throws {
        let r = try await check("sound")
        #expect(r.status == 1, "exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("holds     sanity") && r.stdout.contains("every attack can fire"), "\(r.stdout)")
        #expect(r.stdout.contains("VIOLATED  blast-radius"), "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
