import Foundation
import RecovCheck
import RecovIR
import RecovReport
import RecovTestSupport
import Testing

@testable import RecovGate

/// A violated result with a two-step counterexample, decoded from the JSON the engine writes.
func sampleResult(file: String = "specs/Sample.swift") -> CheckResult {
    let json = """
        {"procedure": "PauseOnExploit", "rule": "no-unilateral-control", "verdict": "violated",
         "message": "one entity, Gamma Labs, controls guardian-3", "depth": 10, "seconds": 0.5, "cached": false,
         "location": {"file": "\(file)", "line": 36, "column": 29},
         "counterexample": {"summary": "one entity, Gamma Labs, controls guardian-3", "coalition": ["Gamma Labs"],
           "location": {"file": "\(file)", "line": 36, "column": 29},
           "steps": [
             {"actor": "initial state", "signers": [], "location": {"file": "\(file)", "line": 25, "column": 12},
              "state": {"bools": {"paused": false}, "ints": {"poolCash": 7351, "stolen": 1}, "maps": {"collateral": {"0": 4242}},
                        "holders": {"guardian-3": "Gamma Labs"}, "grants": [], "thresholds": {"guardian": 1},
                        "now": 0, "pc": 0, "triggerTime": 0, "lastStepTime": 0, "stepTimes": [null], "contained": false}},
             {"actor": "attacker", "signers": ["Gamma Labs: guardian-3"], "location": {"file": "\(file)", "line": 40, "column": 5},
              "transition": {"kind": "privileged", "name": "unpause", "role": "guardian", "args": {}},
              "state": {"bools": {"paused": false}, "ints": {"poolCash": 0, "stolen": 7352}, "maps": {"collateral": {"0": 4242}},
                        "holders": {"guardian-3": "Gamma Labs"}, "grants": [], "thresholds": {"guardian": 1},
                        "now": 60, "pc": 0, "triggerTime": 0, "lastStepTime": 0, "stepTimes": [null], "contained": false}}
           ]}}
        """
    return try! JSONDecoder().decode(CheckResult.self, from: Data(json.utf8))
}

func report(_ results: [CheckResult], allowUnknown: Bool = false) -> RunReport {
    RunReport(results: results, program: Program(), options: CheckOptions(), allowUnknown: allowUnknown)
}

/// Runs python3 with a script; returns (status, output).
func python(_ script: String, _ args: [String]) async throws -> (Int32, String) {
    try await TestProcess.python(script, args)
}

/// The official schema, from the repository's shared folder or $SARIF_SCHEMA.
func sarifSchemaPath() -> String? {
    if let p = ProcessInfo.processInfo.environment["SARIF_SCHEMA"] { return p }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let candidates = [
        root.appendingPathComponent("Tests/Fixtures/schemas/sarif-schema-2.1.0.json").path,
        root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
}

let validateSARIF = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
    jsonschema.validate(doc, schema)
    print("valid")
    """

let junitCounts = """
    import sys, xml.etree.ElementTree as ET
    root = ET.parse(sys.argv[1]).getroot()
    for s in [root] + root.findall('testsuite'):
        cases = s.iter('testcase')
        t = f = e = k = 0
        for c in cases:
            t += 1; f += len(c.findall('failure')); e += len(c.findall('error')); k += len(c.findall('skipped'))
        assert (int(s.get('tests')), int(s.get('failures')), int(s.get('errors')), int(s.get('skipped'))) == (t, f, e, k), s.attrib
    print(root.get('tests'), root.get('failures'), root.get('errors'), root.get('skipped'))
    """

func temporaryFile(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recovgate-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

@Suite struct RendererTests {
    @Test func sarifValidatesAndCarriesTheCodeFlow() async throws {
        var unknown = sampleResult()
        unknown.rule = .containmentTime
        unknown.verdict = .unknown
        unknown.counterexample = nil
        unknown.message = "solver timeout"
        let text = try SARIFReport.render(report([sampleResult(), unknown]))
        let path = temporaryFile("out.sarif")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let schema = try #require(sarifSchemaPath(), "SARIF 2.1.0 schema not found; set SARIF_SCHEMA")
        let (status, out) = try await python(validateSARIF, [schema, path])
        #expect(status == 0, "\(out)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == Rule.allCases.map(\.rawValue))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleId"] as? String == "no-unilateral-control")
        let flows = try #require(results[0]["codeFlows"] as? [[String: Any]])
        let locs = try #require((flows[0]["threadFlows"] as? [[String: Any]])?[0]["locations"] as? [[String: Any]])
        #expect(locs.count == 2)
        #expect(text.contains("\"uriBaseId\" : \"%SRCROOT%\""))
        #expect(text.contains("\"startLine\" : 36"))
        #expect(results[1]["level"] as? String == "error")
        let allowed = try SARIFReport.render(report([unknown], allowUnknown: true))
        #expect(allowed.contains("\"allowUnknown\" : true"))
        #expect(allowed.contains("\"level\" : \"warning\""))
    }

    @Test func junitCountsMatchTheVerdicts() async throws {
        var holds = sampleResult()
        holds.rule = .sanity
        holds.verdict = .holds
        holds.counterexample = nil
        var na = sampleResult()
        na.rule = .blastRadius
        na.verdict = .notApplicable
        na.counterexample = nil
        var err = sampleResult()
        err.rule = .invariant
        err.verdict = .error
        err.counterexample = nil
        err.message = "vacuous: <&\"'>"
        var unk = sampleResult()
        unk.rule = .containmentTime
        unk.verdict = .unknown
        unk.counterexample = nil
        let xml = JUnitReport.render(report([holds, sampleResult(), na, err, unk]))
        let path = temporaryFile("out.xml")
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let (status, out) = try await python(junitCounts, [path])
        #expect(status == 0, "\(out)")
        #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == "5 1 2 1")
        #expect(xml.contains("Gamma Labs: guardian-3"))
        let allowed = JUnitReport.render(report([unk], allowUnknown: true))
        #expect(allowed.contains("allowed by --allow-unknown"))
        #expect(allowed.contains("errors=\"0\" skipped=\"1\""))
    }
}

@Suite struct LibraryTests {
    @Test func canonicalHashIgnoresLocations() throws {
        let x = Assertion(name: "i", expr: .bool(true), loc: SourceLocation(file: "/a.swift", line: 1, column: 1))
        let y = Assertion(name: "i", expr: .bool(true), loc: SourceLocation(file: "/b.swift", line: 9, column: 3))
        let cx = try Canonical.stripped(x)
        let cy = try Canonical.stripped(y)
        #expect(try Canonical.data(cx.object) == Canonical.data(cy.object))
        #expect(cx.locations == [x.loc] && cy.locations == [y.loc])
        let z = Assertion(name: "j", expr: .bool(true), loc: x.loc)
        #expect(try Canonical.data(Canonical.stripped(z).object) != Canonical.data(cx.object))
    }

    /// The result cache's key document is spliced from parts serialized once; it must be byte for
    /// byte the document serialized whole (the keys of existing caches stay valid, and no part is lost).
    @Test func resultCacheKeyDocumentIsTheWholeDocument() throws {
        let ir = Assertion(
            name: "i/\"q\"", expr: .bool(true), loc: SourceLocation(file: "/a.swift", line: 1, column: 1))
        let irObject = try Canonical.stripped(ir).object
        let optionsObject = try Canonical.stripped(CheckOptions(depth: 7, timeoutSeconds: 1.5)).object
        for (rule, tool) in [(Rule.sanity, "1.0+abc"), (.noCollateralLoss, "v/2 \"x\" é")] {
            let whole: [String: Any] = [
                "cacheFormat": ResultCache.formatVersion, "ir": irObject, "rule": rule.rawValue,
                "tool": "recovcheck", "toolVersion": tool, "options": optionsObject,
            ]
            let spliced = ResultCache.keyDocument(
                ir: try Canonical.data(irObject), options: try Canonical.data(optionsObject),
                rule: try Canonical.data(rule.rawValue), toolVersion: try Canonical.data(tool))
            #expect(spliced == (try Canonical.data(whole)))
        }
    }

    @Test func shardsPartitionByProcedure() throws {
        let names = ["A", "B", "C", "D", "E"]
        let jobs = names.flatMap { n in Checker.rules.map { CheckJob(procedure: n, rule: $0) } }
        var seen: [CheckJob] = []
        for i in 1...3 {
            let part = try Shard(index: i, count: 3).select(jobs)
            #expect(try Shard(parsing: "\(i)/3").select(jobs) == part)
            for n in Set(part.map(\.procedure)) {
                #expect(part.filter { $0.procedure == n }.count == Checker.rules.count)
            }
            seen += part
        }
        #expect(Set(seen) == Set(jobs) && seen.count == jobs.count)
        #expect(throws: GateError.self) { try Shard(parsing: "0/3") }
        #expect(throws: GateError.self) { try Shard(parsing: "4/3") }
        #expect(throws: GateError.self) { try Shard(parsing: "x") }
    }

    @Test func redactionRemovesTheCounterexample() throws {
        let r = sampleResult()
        let (out, withheld) = Redaction.redact([r], file: "cex.json")
        #expect(withheld.count == 1 && withheld[0].sha256 == Redaction.hash(r.counterexample!))
        let text =
            try SARIFReport.render(report(out), redacted: true) + JUnitReport.render(report(out), redacted: true)
            + TextRenderer().render(report(out)) + JSONReport.render(report(out))
        for secret in ["Gamma Labs", "guardian-3", "7351", "7352", "4242", "poolCash"] {
            #expect(!text.contains(secret), "\(secret)")
        }
        #expect(text.contains(withheld[0].sha256))
    }

    /// The engine's fingerprint remembered in a folder is the fingerprint of the running
    /// executable; what is remembered is that fingerprint, under the executable's file identity.
    @Test func rememberedEngineFingerprintIsTheExecutablesHash() throws {
        let dir = temporaryFile("engine")
        let first = EngineFingerprint.current(rememberedIn: dir)
        #expect(first == EngineFingerprint.current && first != "unknown" && first.count == 16)
        // Remembered only once the executable has not changed for 2 s (a freshly linked test binary may not be).
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for f in files where !f.hasPrefix(".") {
            #expect(FileManager.default.contents(atPath: dir + "/" + f) == Data(first.utf8))
        }
        #expect(files.count <= 1)
    }

    @Test func lockFileIsStableAndSorted() throws {
        let a = Approval(
            hash: "h", approvedBy: "r", date: "2026-01-01T00:00:00Z", toolVersion: "0.1.0", depth: 10,
            verdicts: ["sanity": "holds", "invariant": "holds"], summary: "2 holds")
        let lock = LockFile(procedures: ["Zed": a, "Alpha": a])
        let text = try lock.text()
        #expect(text == (try lock.text()))
        #expect(text.range(of: "Alpha")!.lowerBound < text.range(of: "Zed")!.lowerBound)
        let path = temporaryFile("recovcheck.lock")
        try lock.write(path)
        #expect(try LockFile.read(path) == lock)
        #expect(try LockFile.read(path + ".missing") == LockFile())
    }
}
