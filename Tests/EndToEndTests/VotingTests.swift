import Foundation
import RecovTestSupport
import Testing

// Issue 14, parts 1-3: hand-worked specs in Tests/Fixtures/voting, each run through the real
// binary; every fixture's header states the verdicts worked out by hand. Each fix (or variant) is
// derived from the design it changes by Tests/Fixtures/derived.json.

/// Runs one fixture folder.
private func runVoting(_ name: String, _ extra: [String] = []) async throws -> FixtureVerdicts {
    try await FixtureVerdicts.run(["voting/\(name)"], extra)
}

private func passes(_ v: String?) -> Bool { FixtureVerdicts.passes(v) }

@Suite("Voting and coalitions (issue 14: governor, power as state, per-role minimum coalitions)")
struct VotingTests {
    @Test("a per-role minimum coalition holds, and the accepted steward is listed with its reason")
    func roleMinimumHolds() async throws {
        let r = try await runVoting("role-min-coalition-holds")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
        #expect(
            r.stdout.contains(
                "[accepted: 'rmSteward' held by one entity — risk steward: moves the cap by at most 50 per call]"))
    }

    @Test("a per-role minimum coalition of 3 is violated by two firms meeting a 2-of-6 threshold")
    func roleMinimumViolated() async throws {
        let r = try await runVoting("role-min-coalition-violated")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("2 entities"))
        #expect(r.stdout.contains("(minimum coalition 3)"))
    }

    @Test("accepted unilateral roles appear in JSON, SARIF, JUnit and HTML")
    func acceptedInEveryFormat() async throws {
        let json = try await runVoting("role-min-coalition-holds", ["--format", "json"])
        #expect(json.stdout.contains("\"acceptedUnilateral\""))
        #expect(json.stdout.contains("risk steward: moves the cap by at most 50 per call"))
        let sarif = try await runVoting("role-min-coalition-holds", ["--format", "sarif"])
        #expect(sarif.stdout.contains("role 'rmSteward' accepted as held by one entity: risk steward"))
        let junit = try await runVoting("role-min-coalition-holds", ["--format", "junit"])
        #expect(junit.stdout.contains("risk steward: moves the cap by at most 50 per call"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voting-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await runVoting("role-min-coalition-holds", ["--report", dir.path])
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            html.contains("Accepted unilateral roles")
                && html.contains("risk steward: moves the cap by at most 50 per call"))
    }

    @Test("a governor with a 4% quorum: a 5% holder passes a proposal when nobody else votes")
    func governorLowTurnout() async throws {
        let r = try await runVoting("governor-low-turnout")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.verdicts["blast-radius"] == "VIOLATED")
        #expect(passes(r.verdicts["containment-time"]))
        #expect(passes(r.verdicts["bounded-intervention"]))
        #expect(r.stdout.contains("passes a proposal of governor 'glDAO' alone"))
        #expect(r.stdout.contains("GL Mallory: 50 votes For"))
    }

    @Test("a governor whose quorum exceeds every holder: nobody passes alone, the honest vote passes")
    func governorQuorum() async throws {
        let r = try await runVoting("governor-quorum")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
        #expect(passes(r.verdicts["blast-radius"]))
        #expect(passes(r.verdicts["containment-time"]))
    }

    @Test("a shutdown module: deposits by the attacker let one holder fire it alone")
    func shutdownAccumulates() async throws {
        let r = try await runVoting("shutdown-accumulates")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("fires shutdown module 'saESM' alone"))
    }

    @Test("a shutdown module whose threshold exceeds what any holder and every deposit can reach")
    func shutdownThreshold() async throws {
        // Depth 6 covers the attacker's worst case (deposit, buy, deposit: 3 moves); deeper bounds
        // take minutes on this query (the unknown is never a pass).
        let r = try await runVoting("shutdown-threshold", ["--depth", "6"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
    }

    @Test("a quorum counting For + Abstain: abstaining holders help a single holder reach it")
    func governorAbstainCounts() async throws {
        let r = try await runVoting("governor-abstain-counts")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("Abstain 50 against a quorum of 100 For + Abstain votes"))
    }

    @Test("the same quorum counting For votes only: nobody reaches it alone")
    func governorForCounts() async throws {
        let r = try await runVoting("governor-for-counts")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
    }

    @Test("voting power as state: the attacker buys votes during the incident, then passes a proposal")
    func governorBoughtVotes() async throws {
        let r = try await runVoting("governor-bought-votes")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("attack gvBuyVotes(amount: 40)"))
        #expect(r.stdout.contains("For 100 (GV Mallory 100)"))
    }

    @Test("voting power as state, capped market: the attacker never reaches the quorum")
    func governorBoughtVotesCapped() async throws {
        let r = try await runVoting("governor-bought-votes-capped")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
    }

    @Test("an authority move chosen by the actor: the attacker rotates a guardian key to itself")
    func rotateToChosen() async throws {
        let r = try await runVoting("rotate-to-chosen")
        #expect(r.status == 1)
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.verdicts["blast-radius"] == "VIOLATED")
        #expect(r.verdicts["bounded-intervention"] == "VIOLATED")
        #expect(r.stdout.contains("rcRecover(newHolder: RC Mallory)"))
        #expect(r.stdout.contains("key rc-k2: held by RC Bob → RC Mallory"))
    }

    @Test("a rotation to a chosen entity that needs the 2-of-3 guardian: nobody takes it alone")
    func rotateToChosenGuarded() async throws {
        let r = try await runVoting("rotate-to-chosen-guarded")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["no-unilateral-control"]))
        #expect(passes(r.verdicts["blast-radius"]))
    }

    @Test("a revocation whose target the caller chooses: the attacker removes the honest signer")
    func revokeChosen() async throws {
        let r = try await runVoting("revoke-chosen")
        #expect(r.status == 1)
        #expect(r.verdicts["bounded-intervention"] == "VIOLATED")
        #expect(r.verdicts["containment-time"] == "VIOLATED")
        #expect(r.stdout.contains("rvDropSigner(who: RV Bob)"))
    }

    @Test("the same revocation behind the 2-of-2 admins: the honest pause runs")
    func revokeChosenGuarded() async throws {
        let r = try await runVoting("revoke-chosen-guarded")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(passes(r.verdicts["bounded-intervention"]))
        #expect(passes(r.verdicts["no-unilateral-control"]))
    }
}
