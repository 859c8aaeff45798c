import Foundation
import RecovIR
import Testing

@testable import RecovCheck
@testable import RecovGate

/// The result cache on disk: what a hit gives back when the procedure moved in its file.
@Suite struct ResultCacheTests {
    /// A program with one procedure whose every declaration sits `shift` lines lower.
    private func program(shift: Int) -> Program {
        func at(_ line: Int) -> RecovIR.SourceLocation {
            RecovIR.SourceLocation(file: "specs/P.swift", line: line + shift, column: 1)
        }
        var model = Model(name: "M", loc: at(1))
        model.entities = [EntityDecl(name: "steward", loc: at(2))]
        let trigger = Assertion(name: "t", expr: .bool(true), loc: at(11))
        return Program(
            models: [model], incidents: [Incident(name: "I", model: "M", loc: at(5))],
            procedures: [Procedure(name: "P", model: "M", incident: "I", trigger: trigger, loc: at(10))])
    }

    /// A result naming the procedure, the trigger (a counterexample step) and an accepted declaration.
    private func result(in p: Program) -> CheckResult {
        let proc = p.procedures[0]
        var r = CheckResult(
            procedure: "P", rule: .noUnilateralControl, verdict: .violated, message: "m", depth: 3, location: proc.loc)
        r.counterexample = Counterexample(
            summary: "s", steps: [TraceStep(transition: nil, signers: [], state: State(), location: proc.trigger.loc)],
            location: proc.trigger.loc)
        r.acceptedUnilateral = [AcceptedRole(role: "steward", reason: "r", location: p.models[0].entities[0].loc)]
        return r
    }

    @Test func aHitNamesTheCurrentLocationsOfEverythingItPointsAt() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rc-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = ResultCache(directory: dir, toolVersion: "t")
        let job = CheckJob(procedure: "P", rule: .noUnilateralControl)
        let before = program(shift: 0)
        let after = program(shift: 4)
        let keysBefore = await cache.keys(for: [job], program: before, options: CheckOptions())
        cache.store(job, result: result(in: before), keys: keysBefore)

        let keysAfter = await cache.keys(for: [job], program: after, options: CheckOptions())
        #expect(keysAfter.key(job) == keysBefore.key(job), "locations are not part of the key")
        let hit = try #require(cache.lookup(job, keys: keysAfter))
        var expected = result(in: after)
        expected.cached = true
        #expect(hit == expected)
        #expect(hit.acceptedUnilateral?.first?.location.line == 6)
        #expect(hit.counterexample?.steps.first?.location?.line == 15)
    }
}
