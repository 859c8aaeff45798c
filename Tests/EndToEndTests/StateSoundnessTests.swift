import Foundation
import RecovTestSupport
import Testing

/// Hand-written specs for the state, time and arithmetic classes of issue 9 (map `initial:`,
/// several account parameters, ranges, blocked steps and time, overflow). Each case's verdict was
/// worked out by hand from docs/semantics.md; the comment in each spec says why.
private let fixtures: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/state").path

/// One case: the folder under Tests/Fixtures/state, the rule checked, the verdict word in the text
/// report, the exit code, and a text the verdict line (or the report) must contain.
struct StateCase: Sendable, CustomStringConvertible {
    var folder: String
    var rule: String
    var verdict: String
    var exit: Int32
    var mentions: String = ""
    var depth = 6
    var description: String { "\(folder) \(rule)" }
}

let stateCases: [StateCase] = [
    // 9: every account starts at initial: 0, so the attack can never run.
    // (The attack is then dead code, which sanity reports as a vacuity error: exit 2, no counterexample.)
    StateCase(folder: "map-initial-honoured", rule: "invariant", verdict: "ERROR", exit: 2, mentions: "can never fire"),
    // 10: both account parameters range over accounts in 1...100: the step can always run.
    StateCase(folder: "two-account-step-not-blocked", rule: "bounded-intervention", verdict: "holds", exit: 0),
    // 10: every account may start at 100 (the top of the range): then no `to` has room, the step is blocked.
    StateCase(
        folder: "two-account-step-blocked", rule: "bounded-intervention", verdict: "VIOLATED", exit: 1,
        mentions: "cannot run at its deadline"),
    // 15: no Require(cash >= amount): one drain from 0 leaves 0...100 (was "not applicable").
    StateCase(
        folder: "range-left-int", rule: "invariant", verdict: "VIOLATED", exit: 1,
        mentions: "'cash' = -1 left its declared range 0...100"),
    // 15: deposit has no cap: a balance leaves 0...100.
    StateCase(
        folder: "range-left-map", rule: "invariant", verdict: "VIOLATED", exit: 1,
        mentions: "left its declared range 0...100"),
    // 15: the same bank with the contract's cap stays in range.
    StateCase(
        folder: "range-kept", rule: "invariant", verdict: "holds", exit: 0, mentions: "stays within its declared range"),
    // 7: the pause is blocked once the feed is dead, but time and drains go on: 30 lost > 20 (was "holds, 20 lost").
    StateCase(
        folder: "blocked-time-goes-on", rule: "blast-radius", verdict: "VIOLATED", exit: 1, mentions: "30 lost",
        depth: 7),
    // 12: loss `level * 10^15` goes from -9e18 to 9e18: a difference beyond 64 bits, decided exactly (was exit 132).
    StateCase(
        folder: "overflow-blast-radius", rule: "blast-radius", verdict: "VIOLATED", exit: 1,
        mentions: "more than 9.2e18 lost", depth: 3),
    // 12: power 10^15 times denominator 10^15 is compared in 128 bits: Whale alone passes (was exit 132).
    StateCase(
        folder: "overflow-governance", rule: "no-unilateral-control", verdict: "VIOLATED", exit: 1, mentions: "Whale",
        depth: 3),
    // 12: timing constants at 10^15 s: the feed is killed, the step blocks at its deadline, never contained.
    StateCase(
        folder: "overflow-time", rule: "containment-time", verdict: "VIOLATED", exit: 1,
        mentions: "cannot run at its deadline", depth: 4),
    // `now` in expressions: the trigger time may be below the launch at 100 s: one early mint.
    StateCase(
        folder: "now-before-launch", rule: "invariant", verdict: "VIOLATED", exit: 1, mentions: "nothing minted",
        depth: 3),
    // `now` in expressions: triggered from 100 s on, `now < 100` never holds: the attack never fires.
    StateCase(
        folder: "now-trigger-after-launch", rule: "invariant", verdict: "ERROR", exit: 2,
        mentions: "ruled out by the trigger", depth: 3),
    // Two maps (one `initial: 0`), an attack with two account parameters: borrow, then liquidate another account.
    StateCase(
        folder: "two-maps-two-accounts", rule: "no-collateral-loss", verdict: "VIOLATED", exit: 1,
        mentions: "counterexample (2 transitions)", depth: 3),
]

@Suite(.serialized) struct StateSoundnessTests {
    @Test(arguments: stateCases)
    func handWorkedVerdict(_ c: StateCase) async throws {
        let r = try await DerivedFixtures.withFixture("state/\(c.folder)") { dir in
            try await runRecovcheck([
                dir.path, "--rule", c.rule, "--depth", String(c.depth), "--no-cache", "--timeout", "120",
            ])
        }
        #expect(!r.timedOut && !r.signaled, "\(c): crashed or hung (status \(r.status))\n\(r.stderr)")
        #expect(r.status == c.exit, "\(c): exit \(r.status), expected \(c.exit)\n\(r.stdout)\n\(r.stderr)")
        let line = r.stdout.split(separator: "\n").first { $0.contains(" \(c.rule) ") } ?? ""
        // A pass is `holds` to the depth or `PROVED` for every depth (k-induction).
        let passed = c.verdict == "holds" && line.contains("PROVED")
        #expect(line.contains(c.verdict) || passed, "\(c): expected \(c.verdict)\n\(r.stdout)\n\(r.stderr)")
        if !c.mentions.isEmpty {
            #expect(r.stdout.contains(c.mentions), "\(c): report does not mention '\(c.mentions)'\n\(r.stdout)")
        }
    }

    /// 9: a counterexample saved from the design without `initial:` replays as fixed against the
    /// design that declares it (its saved initial state is no longer possible).
    @Test func replayAgainstFixedInitialIsFixed() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("state-replay-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let found = try await DerivedFixtures.withFixture("state/map-initial-missing") { missing in
            try await runRecovcheck([
                missing.path, "--rule", "invariant", "--depth", "3", "--no-cache", "--save-counterexamples", dir,
            ])
        }
        #expect(
            found.status == 1,
            "the design without initial: must violate the invariant\n\(found.stdout)\n\(found.stderr)")
        let file = dir + "/InitialMapHonoured.invariant.cex.json"
        let stale = try await runRecovcheck(["replay", file])
        #expect(stale.status == 1, "replayed on its own IR it is still violated\n\(stale.stdout)")
        let fixed = try await runRecovcheck(["replay", file, "--against", fixtures + "/map-initial-honoured"])
        #expect(fixed.status == 0, "against the design with initial: 0 it is fixed\n\(fixed.stdout)\n\(fixed.stderr)")
        #expect(fixed.stdout.contains("initial"), "\(fixed.stdout)")
    }

    /// 12: a crafted counterexample file whose ticks overflow 64 bits does not replay (exit 2),
    /// on its own IR and against the specs; it never crashes and is never called "fixed".
    @Test func craftedOverflowingCounterexampleDoesNotReplay() async throws {
        let file = fixtures + "/crafted-overflow.cex.json"
        for args in [["replay", file], ["replay", file, "--against", fixtures + "/blocked-time-goes-on"]] {
            let r = try await runRecovcheck(args)
            #expect(!r.signaled && r.status == 2, "\(args): exit \(r.status)\n\(r.stdout)\n\(r.stderr)")
            #expect(r.stdout.contains("does not replay"), "\(r.stdout)")
        }
    }
}
