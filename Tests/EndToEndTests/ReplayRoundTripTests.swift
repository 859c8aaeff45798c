import Foundation
import RecovTestSupport
import Testing

/// Save → replay → still violated, for every flawed example (issue 9, item 11): a saved
/// counterexample copies what the check found (the coalition, whether the attacker is in it, the
/// account) instead of recomputing it. The Beanstalk file used to replay as "fixed" (exit 0) right
/// after it was saved: its attacker is in the coalition through borrowed voting power alone, with
/// no compromised entity, and the file recomputed "attacker in coalition" from compromised names.
@Suite(.serialized) struct ReplayRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every flawed design shipped: the historical incidents and the flawed fixtures (those derived
    /// from the shipped design by Tests/Fixtures/derived.json are named `derived:<name>`).
    static let flawedInputs: [String] = {
        let fixtures =
            (try? FileManager.default.contentsOfDirectory(
                atPath: root.appendingPathComponent("Tests/Fixtures/flawed").path)) ?? []
        let derived = (try? DerivedFixtures.names(in: "flawed")) ?? []
        return ["examples/flawed/incidents"] + fixtures.sorted().map { "Tests/Fixtures/flawed/\($0)/specs" }
            + derived.map { "derived:flawed/\($0)" }
    }()

    @Test(arguments: flawedInputs)
    func savedCounterexamplesStillViolate(_ input: String) async throws {
        let derived =
            input.hasPrefix("derived:")
            ? try DerivedFixtures.materialize(String(input.dropFirst("derived:".count))) : nil
        defer { if let derived { try? FileManager.default.removeItem(at: derived) } }
        let folder = derived?.appendingPathComponent("specs") ?? Self.root.appendingPathComponent(input)
        let specs = folder.path
        let beside = folder.deletingLastPathComponent().appendingPathComponent("models").path
        let models =
            FileManager.default.fileExists(atPath: beside) ? beside : Self.root.appendingPathComponent("models").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recovcheck-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let check = try await runRecovcheck([
            specs, "--models", models, "--no-cache", "--save-counterexamples", out.path,
        ])
        #expect(check.status == 1, "\(input): check exit \(check.status)\n\(check.stderr)")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter {
            $0.hasSuffix(".cex.json")
        }.sorted()
        #expect(!files.isEmpty, "\(input): no counterexample saved")
        for f in files {
            let path = out.appendingPathComponent(f).path
            let saved = try await runRecovcheck(["replay", path])
            #expect(
                saved.status == 1 && saved.stdout.contains("still violated"),
                "\(input) \(f) on its saved IR: exit \(saved.status): \(saved.stdout)\(saved.stderr)")
            let current = try await runRecovcheck(["replay", path, "--against", specs, "--models", models])
            #expect(
                current.status == 1 && current.stdout.contains("still violated"),
                "\(input) \(f) against the specs: exit \(current.status): \(current.stdout)\(current.stderr)")
        }
    }
}
