import Foundation
import RecovTestSupport
import Testing

// Issue 9, classes 1, 2, 3 and item 14: hand-worked specs in Tests/Fixtures/authority, each run
// through the real binary. Every fixture's header states the verdicts worked out by hand, and
// what recovcheck said before the fix.

/// Runs one fixture folder (its spec file holds model, incident and procedure).
private func runFixture(_ name: String) async throws -> FixtureVerdicts {
    try await FixtureVerdicts.run(["authority/\(name)"])
}

private func passes(_ v: String?) -> Bool { FixtureVerdicts.passes(v) }

@Suite("Authority semantics (issue 9: anyone-based roles, nested delays, grace, declarations)")
struct AuthorityTests {
    @Test("a timelock over anyone is used by the attacker with nothing compromised")
    func anyoneTimelock() async throws {
        let r = try await runFixture("anyone-timelock")
        #expect(r.status == 1)
        #expect(r.verdicts["blast-radius"] == "VIOLATED")
        #expect(r.verdicts["no-collateral-loss"] == "VIOLATED")
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(r.stdout.contains("the attacker calling atSweep() as atSweep"))
    }

    @Test("allOf([anyone]) is used by the attacker, even when accepted for one entity")
    func allOfAnyone() async throws {
        let r = try await runFixture("allof-anyone")
        #expect(r.status == 1)
        #expect(r.verdicts["blast-radius"] == "VIOLATED")
        #expect(r.verdicts["no-collateral-loss"] == "VIOLATED")
        #expect(passes(r.verdicts["no-unilateral-control"]))
    }

    @Test("delays add up along a chain of timelocks")
    func timelockOverTimelock() async throws {
        let r = try await runFixture("timelock-over-timelock")
        #expect(r.status == 1)
        #expect(r.verdicts["containment-time"] == "VIOLATED")
        #expect(passes(r.verdicts["bounded-intervention"]))
    }

    @Test("allOf waits for the longest delay among its roles")
    func allOfTimelockGuardian() async throws {
        let r = try await runFixture("allof-timelock-guardian")
        #expect(r.status == 1)
        #expect(r.verdicts["containment-time"] == "VIOLATED")
        #expect(passes(r.verdicts["bounded-intervention"]))
    }

    @Test("a queued step expires after its timelock's grace period: the procedure is blocked")
    func graceExpiry() async throws {
        let r = try await runFixture("grace-expiry")
        #expect(r.status == 1)
        #expect(r.verdicts["bounded-intervention"] == "VIOLATED")
        #expect(passes(r.verdicts["sanity"]))
        #expect(r.stdout.contains("when its queued operation expires"))
    }

    @Test("honest entities out-powered by the attacker: a blocked-step violation, not a vacuous check")
    func attackerHoldsPower() async throws {
        let r = try await runFixture("attacker-holds-power")
        #expect(r.status == 1)
        #expect(r.verdicts["bounded-intervention"] == "VIOLATED")
        #expect(r.verdicts["containment-time"] == "VIOLATED")
        #expect(r.verdicts["no-unilateral-control"] == "VIOLATED")
        #expect(passes(r.verdicts["sanity"]))
        #expect(!r.stdout.contains("pass vacuously"))
    }

    @Test("a second Containment, BlastRadius, Window or MinCoalition is an error at its line")
    func duplicateDeclarations() async throws {
        let r = try await runFixture("duplicate-declarations")
        #expect(r.status == 2)
        for (line, what) in [(21, "MinCoalition"), (32, "Containment"), (34, "BlastRadius"), (36, "Window")] {
            #expect(r.stderr.contains("DuplicateDeclarations.swift:\(line):"), "no error at line \(line)")
            #expect(r.stderr.contains("more than one \(what)"))
        }
    }

    @Test("maxDelay is rejected at its line")
    func maxDelay() async throws {
        let r = try await runFixture("max-delay")
        #expect(r.status == 2)
        #expect(r.stderr.contains("MaxDelay.swift:10:"))
        #expect(r.stderr.contains("maxDelay has no effect"))
    }

    @Test("a role redefined at its use (allowUnilateral in by:) is an error at the use")
    func roleRedefinedAtUse() async throws {
        let r = try await runFixture("role-redefined-at-use")
        #expect(r.status == 2)
        #expect(r.stderr.contains("RoleRedefinedAtUse.swift:18:"))
        #expect(r.stderr.contains("differs from its declaration in Roles(...)"))
    }
}
