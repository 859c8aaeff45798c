import Foundation
import RecovTestSupport
import Testing

/// Hand-worked specs for rate limits (`RateLimit` + `Spend`, issue 14): a cap of 10 per fixed
/// window of 100 s aligned to time 0. Each spec's comment works out its verdict from
/// docs/semantics.md ("Rate limits"). All but `bad` and `shared-cap-blocks-step` are derived from
/// `within-cap-holds` (Tests/Fixtures/derived.json).
private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ratelimit").path

let rateLimitCases: [StateCase] = [
    // Attacker confined to window 0, nothing spent at the trigger: at most the cap, 10, is lost.
    StateCase(folder: "within-cap-holds", rule: "blast-radius", verdict: "holds", exit: 0),
    // The same with a budget of 9: 10 is reached, 11 never (a second spend past the cap is refused).
    StateCase(folder: "two-spends-refused", rule: "blast-radius", verdict: "VIOLATED", exit: 1, mentions: "10 lost"),
    // Live until 200 s: 10 in window 0 and 10 more in window 1.
    StateCase(folder: "next-window-allowed", rule: "blast-radius", verdict: "VIOLATED", exit: 1, mentions: "20 lost"),
    // A negative spend would give the cap back; it is refused, so still at most 10.
    StateCase(folder: "negative-spend-refused", rule: "blast-radius", verdict: "holds", exit: 0),
    // Budget windows = cap windows (trigger at a boundary), budget = cap: holds.
    StateCase(folder: "budget-equal-cap-holds", rule: "blast-radius", verdict: "holds", exit: 0),
    // Cap 15 above the budget of 10 per window: 15 in one window.
    StateCase(
        folder: "budget-below-cap-fails", rule: "blast-radius", verdict: "VIOLATED", exit: 1, mentions: "15 lost"),
    // Rolling window of 100 s across a cap boundary: 10 + 10 one second apart.
    StateCase(
        folder: "rolling-budget-straddles", rule: "blast-radius", verdict: "VIOLATED", exit: 1, mentions: "20 lost"),
    // Any rolling window of 100 s meets at most two cap windows: at most 20.
    StateCase(folder: "rolling-budget-twice-cap-holds", rule: "blast-radius", verdict: "holds", exit: 0),
    // The cap is shared: the attacker spends 1 of 10, the rescue step needs 10 and is blocked until
    // the next UTC day, past its 1 h deadline. (`Writes(cap)` declares the limit's variables.)
    StateCase(
        folder: "shared-cap-blocks-step", rule: "bounded-intervention", verdict: "VIOLATED", exit: 1,
        mentions: "cannot run at its deadline"),
]

@Suite(.serialized) struct RateLimitTests {
    @Test(arguments: rateLimitCases)
    func handWorkedVerdict(_ c: StateCase) async throws {
        let r = try await DerivedFixtures.withFixture("ratelimit/\(c.folder)") { dir in
            try await runRecovcheck([
                dir.path, "--rule", c.rule, "--depth", String(c.depth), "--no-cache", "--timeout", "120",
            ])
        }
        #expect(!r.timedOut && !r.signaled, "\(c): crashed or hung (status \(r.status))\n\(r.stderr)")
        #expect(r.status == c.exit, "\(c): exit \(r.status), expected \(c.exit)\n\(r.stdout)\n\(r.stderr)")
        let line = r.stdout.split(separator: "\n").first { $0.contains(" \(c.rule) ") } ?? ""
        #expect(
            line.contains(c.verdict) || (c.verdict == "holds" && line.contains("PROVED")),
            "\(c): expected \(c.verdict)\n\(r.stdout)\n\(r.stderr)")
        if !c.mentions.isEmpty {
            #expect(r.stdout.contains(c.mentions), "\(c): report does not mention '\(c.mentions)'\n\(r.stdout)")
        }
    }

    /// The counterexample speaks of the limit's state: its usage and window by name.
    @Test func counterexampleShowsTheLimitsState() async throws {
        let r = try await DerivedFixtures.withFixture("ratelimit/next-window-allowed") { dir in
            try await runRecovcheck([dir.path, "--rule", "blast-radius", "--depth", "6", "--no-cache"])
        }
        #expect(r.stdout.contains("withdrawals.used") && r.stdout.contains("withdrawals.window"), "\(r.stdout)")
    }

    /// A negative cap, a window of 0 s, a spend of an undeclared limit and a limit spent twice in
    /// one action are input errors at their lines.
    @Test func mistakesAreReportedAtTheirLines() async throws {
        let r = try await runRecovcheck([fixtures + "/bad", "--no-cache"])
        #expect(r.status == 2, "exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
        let out = r.stdout + r.stderr
        for (line, text) in [
            (9, "max -1 is negative"), (10, "per 0 is below 1 second"),
            (20, "rate limit 'undeclared', which model 'BadCaps' does not declare"),
            (22, "spends rate limit 'withdrawals' twice"),
        ] {
            #expect(out.contains("Spec.swift:\(line):") && out.contains(text), "line \(line): \(text)\n\(out)")
        }
    }
}
