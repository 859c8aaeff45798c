import Foundation
import RecovTestSupport
import Testing

/// `--dump-smt DIR`: every solver query as an SMT-LIB2 file that the `z3` command line (Debian's
/// `z3` package, installed by .ci/run) answers the way recovcheck did.
@Suite struct DumpSMTTests {
    static func z3() -> String? { TestProcess.onPath("z3") }

    static func answer(of file: String, z3: String) async throws -> String {
        try await TestProcess.run(z3, [file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func everyQueryIsAnsweredTheSameByTheZ3CommandLine() async throws {
        let z3 = try #require(Self.z3(), "the z3 command line is needed (apt-get install -y z3)")
        let dir = try Gate.project(flawed: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Gate.run(["specs/", "--dump-smt", "queries", "--quiet"], in: dir)
        #expect(r.status == 1, "\(r.err)")
        let folder = dir.appendingPathComponent("queries").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".smt2") }
            .sorted()
        #expect(files.count >= 20, "\(files.count) queries")
        #expect(files.contains { $0.hasPrefix("PauseOnExploit.no-unilateral-control.") })
        var compared = 0
        for name in files {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\n")
            guard lines.count > 2, lines[1].hasPrefix("; recovcheck's answer: ") else {
                Issue.record("\(name) has no recorded answer")
                continue
            }
            let expected = String(lines[1].dropFirst("; recovcheck's answer: ".count))
            guard expected == "sat" || expected == "unsat" else { continue }
            #expect(try await Self.answer(of: folder + "/" + name, z3: z3) == expected, "\(name)")
            compared += 1
        }
        // A query recovcheck gave up on (`unknown`: its time limit, on a loaded machine) has nothing
        // to compare; nearly all must have had a definite answer.
        #expect(compared >= files.count * 9 / 10, "\(compared) of \(files.count) queries had a definite answer")
    }
}
