import Foundation
import RecovTestSupport
import Testing

/// The JSON report and the counterexample files validate against their published JSON Schemas
/// (docs/schemas/, checked with python3's jsonschema by scripts/validate-json.py).
@Suite struct JSONSchemaTests {
    static func validate(_ kind: String, _ files: [String]) async throws -> (Int32, String) {
        try await Gate.python(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [Gate.root.appendingPathComponent("scripts/validate-json.py").path, kind] + files)
    }

    @Test func reportAndCounterexampleFilesMatchTheirSchemas() async throws {
        let dir = try Gate.project(flawed: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await Gate.run(
            ["specs/", "--no-cache", "--quiet", "--json", "report.json", "--save-counterexamples", "cex"], in: dir)
        #expect(r.status == 1, "\(r.err)")
        let (status, out) = try await Self.validate("report", [dir.appendingPathComponent("report.json").path])
        #expect(status == 0, "\(out)")
        let cexDir = dir.appendingPathComponent("cex").path
        let files = try FileManager.default.contentsOfDirectory(atPath: cexDir).filter { $0.hasSuffix(".cex.json") }.map
        { cexDir + "/" + $0 }
        #expect(!files.isEmpty)
        let (cexStatus, cexOut) = try await Self.validate("counterexample", files)
        #expect(cexStatus == 0, "\(cexOut)")
    }

    @Test func theSchemaRejectsAReportWithAnUnknownVerdict() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let bad =
            #"{"schemaVersion":1,"tool":"recovcheck","version":"0","depth":10,"exitCode":0,"allowUnknown":false,"summary":{},"results":[{"procedure":"P","rule":"sanity","verdict":"fine","message":"","depth":10,"location":{"file":"a","line":1,"column":1},"cached":false}]}"#
        try bad.write(to: file, atomically: true, encoding: .utf8)
        let (status, out) = try await Self.validate("report", [file.path])
        #expect(status == 1)
        #expect(out.contains("'fine' is not one of"))
    }
}
