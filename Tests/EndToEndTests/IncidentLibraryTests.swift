import Foundation
import RecovTestSupport
import Testing

/// Runs the real built `recovcheck` on the shipped incident library (specs/incidents, expected to
/// pass) and on the historical flawed designs (examples/flawed/incidents, expected to fail with
/// the rule ids and stories of docs/incidents.md).
@Suite(.serialized) struct IncidentLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct ReportedResult {
        let procedure: String
        let rule: String
        let verdict: String
        let message: String
        let summary: String?
        let coalition: [String]
    }

    /// Runs `recovcheck --format json --models models <path>` and returns (exit code, results).
    static func run(_ path: String) async throws -> (Int32, [ReportedResult]) {
        let r = try await Recovcheck.run(["--format", "json", "--models", "models", path], cwd: root.path)
        let data = r.stdoutData
        let errText = r.stderr
        guard let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let results = doc["results"] as? [[String: Any]]
        else {
            Issue.record("no JSON report from recovcheck on \(path); stderr: \(errText)")
            return (r.status, [])
        }
        let parsed = results.map { r -> ReportedResult in
            let cex = r["counterexample"] as? [String: Any]
            return ReportedResult(
                procedure: r["procedure"] as? String ?? "", rule: r["rule"] as? String ?? "",
                verdict: r["verdict"] as? String ?? "", message: r["message"] as? String ?? "",
                summary: cex?["summary"] as? String, coalition: cex?["coalition"] as? [String] ?? [])
        }
        return (r.status, parsed)
    }

    @Test func passingLibraryHolds() async throws {
        let (code, results) = try await Self.run("specs/incidents")
        let procedures = Set(results.map(\.procedure))
        for name in [
            "RoninV2PauseBridge", "HarmonyV2PauseBridge", "BeanstalkV2EmergencyPause", "Compound062GuardianPause",
            "CompoundPauseGuardian", "AaveV3EmergencyAdminPause", "BalancerV2PauseWindow",
            "YearnV2GuardianShutdown", "YearnV2GovernanceShutdown", "VenusLunaRecovery",
            "CompoundGovernorCancelProposal", "MakerEmergencyShutdown", "CappedBridgePause", "CreamFairOraclePause",
        ] {
            #expect(procedures.contains(name), "procedure \(name) missing from the passing set")
        }
        for r in results {
            #expect(
                r.verdict == "proved" || r.verdict == "holds" || r.verdict == "not-applicable",
                "\(r.procedure) \(r.rule): \(r.verdict) — \(r.message)")
        }
        #expect(code == 0)
    }

    @Test func flawedDesignsAreFlagged() async throws {
        let (code, results) = try await Self.run("examples/flawed/incidents")
        #expect(code == 1)
        func violated(_ procedure: String) -> Set<String> {
            Set(results.filter { $0.procedure == procedure && $0.verdict == "violated" }.map(\.rule))
        }
        func summary(_ procedure: String, _ rule: String) -> String {
            results.first { $0.procedure == procedure && $0.rule == rule }?.summary ?? ""
        }
        // Nothing else may go wrong: every other check holds or does not apply.
        for r in results where r.verdict != "violated" {
            #expect(
                r.verdict == "proved" || r.verdict == "holds" || r.verdict == "not-applicable",
                "\(r.procedure) \(r.rule): \(r.verdict) — \(r.message)")
        }

        #expect(violated("RoninV1PauseBridge") == ["no-unilateral-control", "blast-radius"])
        let ronin = summary("RoninV1PauseBridge", "no-unilateral-control")
        #expect(
            ronin.contains("Sky Mavis") && ronin.contains("5 of 9") && ronin.contains("allowlist")
                && ronin.contains("threshold of 5"), "\(ronin)")
        #expect(
            results.first { $0.procedure == "RoninV1PauseBridge" && $0.rule == "no-unilateral-control" }?.coalition == [
                "Sky Mavis"
            ])
        #expect(summary("RoninV1PauseBridge", "blast-radius").contains("over the budget of 50"))

        #expect(violated("HarmonyV1PauseBridge") == ["no-unilateral-control"])
        let harmony = summary("HarmonyV1PauseBridge", "no-unilateral-control")
        #expect(harmony.contains("one entity, Harmony") && harmony.contains("threshold of 2"), "\(harmony)")

        #expect(violated("BeanstalkV1EmergencyPause") == ["no-unilateral-control", "bounded-intervention"])
        let bean = summary("BeanstalkV1EmergencyPause", "no-unilateral-control")
        #expect(bean.contains("79") && bean.contains("borrowed within one block") && bean.contains("2/3"), "\(bean)")
        #expect(summary("BeanstalkV1EmergencyPause", "bounded-intervention").contains("which it does not declare"))

        // Issue 14: a drained lending pool seen through redeemable-value claims.
        #expect(violated("CreamSpotOraclePause") == ["no-collateral-loss"])
        let cream = summary("CreamSpotOraclePause", "no-collateral-loss")
        #expect(
            cream.contains("redeemable value of account #") && cream.contains("attack borrowAgainstDonatedCollateral")
                && cream.contains("taken from the pool"), "\(cream)")

        #expect(violated("Compound062GovernanceFix") == ["containment-time"])
        #expect(summary("Compound062GovernanceFix", "containment-time").contains("over the budget of 1d"))

        // Issue 14: a Governor whose 4% quorum a 4.5% delegate group reaches alone when nobody else votes.
        #expect(violated("CompoundBravoCancelProposal") == ["no-unilateral-control", "blast-radius"])
        let bravo = summary("CompoundBravoCancelProposal", "no-unilateral-control")
        #expect(
            bravo.contains("passes a proposal of governor 'cgfBravo' alone") && bravo.contains("For 450")
                && bravo.contains("quorum of 400 For votes") && bravo.contains("not voting: Delegate A 380"), "\(bravo)"
        )
        #expect(summary("CompoundBravoCancelProposal", "blast-radius").contains("499 lost"))

        // Issue 14: the capped bridge's per-day budget without the cap: one forged withdrawal takes more than a day's budget.
        #expect(violated("UncappedBridgePause") == ["blast-radius"])
        let uncapped = summary("UncappedBridgePause", "blast-radius")
        #expect(
            uncapped.contains("over the per-window budget of 100") && uncapped.contains("rolling window of 1d"),
            "\(uncapped)")

        // Issue 14: an accumulating shutdown module: the whale's deposit brings the Foundation within reach.
        #expect(violated("MakerESMLowThresholdShutdown") == ["no-unilateral-control"])
        let esm = summary("MakerESMLowThresholdShutdown", "no-unilateral-control")
        #expect(
            esm.contains("fires shutdown module 'mkfESM' alone") && esm.contains("MKF Foundation 60")
                && esm.contains("threshold of 100"), "\(esm)")
    }
}
