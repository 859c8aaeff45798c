import Foundation
import RecovTestSupport
import Testing

/// Names from specs can never meet the engine's own Z3 constants (or each other): each fixture
/// (Tests/Fixtures/name-collisions, hand-worked answers at the top of each file) once passed — two
/// as PROVED — because a spec name equalled an internal constant's name.
@Suite struct NameCollisionTests {
    static let fixtures = Gate.root.appendingPathComponent("Tests/Fixtures/name-collisions")

    @Test(arguments: [
        ("contained", "invariant"),  // a Flag named like the containment flag
        ("last", "invariant"),  // an IntVar named like the previous step's time
        ("violationflag", "invariant"),  // a Flag named like the violation literals
        ("grantdots", "no-unilateral-control"),  // key/entity names whose dotted joins coincide
    ])
    func aSpecNameNeverHidesAViolation(fixture: String, rule: String) async throws {
        let dir = Self.fixtures.appendingPathComponent(fixture)
        let r = try await Gate.run(
            ["specs/", "--models", "models", "--no-cache", "--quiet", "--format", "json"], in: dir)
        #expect(r.status == 1, "\(fixture): \(r.err)")
        let results = try Gate.results(r.out)
        let hit = results.first { $0["rule"] as? String == rule }
        #expect(hit?["verdict"] as? String == "violated", "\(fixture) \(rule): \(String(describing: hit?["message"]))")
        #expect(!results.contains { $0["verdict"] as? String == "proved" && $0["rule"] as? String == rule })
    }
}
