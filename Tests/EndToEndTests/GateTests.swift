import Foundation
import RecovTestSupport
import Testing

// End-to-end tests of the CI gate (docs/ci-gate.md): they run the real `recovcheck` binary, which
// sits beside the test bundle, on the shipped specs and on small copies in temporary folders.
// SARIF is validated against the official 2.1.0 schema with python3's `jsonschema`
// (`pip install jsonschema`), JUnit XML is parsed back with python3's xml.etree.

enum Gate {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: String { (try? Recovcheck.binary()) ?? "recovcheck" }

    struct Output {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs recovcheck in `cwd`.
    static func run(_ args: [String], in cwd: URL) async throws -> Output {
        let r = try await Recovcheck.run(args, cwd: cwd.path)
        return Output(status: r.status, out: r.stdout, err: r.stderr)
    }

    /// A temporary project with copies of shipped specs and the models they use; `flawed` lowers
    /// the lending pool's guardian threshold to 1 (one firm can pause alone).
    static func project(
        specs: [String] = ["LendingPause.swift"], models: [String] = ["LendingPool.swift"],
        flawed: Bool = false
    ) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recovgate-e2e-\(UUID().uuidString)")
        for sub in ["specs", "models"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for s in specs {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent("specs/\(s)"), to: dir.appendingPathComponent("specs/\(s)"))
        }
        for m in models {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent("models/\(m)"), to: dir.appendingPathComponent("models/\(m)"))
        }
        if flawed {
            try edit(
                dir.appendingPathComponent("models/LendingPool.swift"), "threshold: 2, of: [g1, g2, g3]",
                "threshold: 1, of: [g1, g2, g3]")
        }
        return dir
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        precondition(text.contains(old), "\(file.lastPathComponent) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func results(_ text: String) throws -> [[String: Any]] {
        try #require(try json(text)["results"] as? [[String: Any]])
    }

    static func python(_ script: String, _ args: [String]) async throws -> (Int32, String) {
        try await TestProcess.python(script, args)
    }

    static var schema: String? {
        if let p = ProcessInfo.processInfo.environment["SARIF_SCHEMA"] { return p }
        let c = [
            root.appendingPathComponent("Tests/Fixtures/schemas/sarif-schema-2.1.0.json").path,
            root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
        ]
        return c.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Validates a SARIF file against the official schema.
    static func expectValidSARIF(_ path: String) async throws {
        let schema = try #require(schema, "SARIF 2.1.0 schema not found; set SARIF_SCHEMA")
        let (status, out) = try await python(
            "import json,sys,jsonschema\njsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            [schema, path])
        #expect(status == 0, "SARIF does not validate: \(out)")
    }

    /// Parses JUnit XML, checks every suite's counts against its test cases; returns the totals.
    static func junitTotals(_ path: String) async throws -> [Int] {
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            for s in [root] + root.findall('testsuite'):
                t = f = e = k = 0
                for c in s.iter('testcase'):
                    t += 1; f += len(c.findall('failure')); e += len(c.findall('error')); k += len(c.findall('skipped'))
                assert (int(s.get('tests')), int(s.get('failures')), int(s.get('errors')), int(s.get('skipped'))) == (t, f, e, k), s.attrib
            print(root.get('tests'), root.get('failures'), root.get('errors'), root.get('skipped'))
            """
        let (status, out) = try await python(script, [path])
        #expect(status == 0, "JUnit XML: \(out)")
        return out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    static func count(_ results: [[String: Any]], _ verdict: String) -> Int {
        results.filter { $0["verdict"] as? String == verdict }.count
    }
}

@Suite(.serialized) struct GateTests {
    @Test func shippedSpecsPassTheGateWithSARIFAndJUnit() async throws {
        let tmp = try Gate.project(specs: [])
        let sarif = tmp.appendingPathComponent("recovcheck.sarif").path
        let junit = tmp.appendingPathComponent("junit.xml").path
        let r = try await Gate.run(["specs/", "--format", "json", "--sarif", sarif, "--junit", junit], in: Gate.root)
        #expect(r.status == 0, "\(r.err)")
        let results = try Gate.results(r.out)
        #expect(!results.isEmpty)
        try await Gate.expectValidSARIF(sarif)
        #expect(try await Gate.junitTotals(junit) == [results.count, 0, 0, Gate.count(results, "not-applicable")])
    }

    /// Code scanning resolves SARIF URIs against the repository root: a run from a subfolder of
    /// a repository must still name files from the root, and rules must carry their ranking.
    @Test func sarifFromASubfolderIsRelativeToTheRepositoryRootAndRanked() async throws {
        let project = try Gate.project(flawed: true)
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("recovgate-repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let sub = repo.appendingPathComponent("protocol")
        try FileManager.default.moveItem(at: project, to: sub)
        defer { try? FileManager.default.removeItem(at: repo) }
        let r = try await Gate.run(["specs/", "--no-cache", "--format", "sarif"], in: sub)
        #expect(r.status == 1, "\(r.err)")
        let run = try #require((try Gate.json(r.out)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let v = try #require(results.first { $0["ruleId"] as? String == "no-unilateral-control" })
        let phys = try #require(((v["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try #require(phys["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "protocol/models/LendingPool.swift")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let unilateral = try #require(rules.first { $0["id"] as? String == "no-unilateral-control" })
        let props = try #require(unilateral["properties"] as? [String: Any])
        #expect(props["security-severity"] as? String == "9.5")
        #expect((props["tags"] as? [String])?.contains("security") == true)
        #expect(!r.out.contains(repo.path), "no machine path in the SARIF")
    }

    @Test func violationIsASARIFResultWithACodeFlowAndAJUnitFailure() async throws {
        let dir = try Gate.project(flawed: true)
        let r = try await Gate.run(
            ["specs/", "--no-cache", "--format", "sarif", "--junit", "j.xml", "--json", "r.json"], in: dir)
        #expect(r.status == 1, "\(r.err)")
        try r.out.write(to: dir.appendingPathComponent("out.sarif"), atomically: true, encoding: .utf8)
        try await Gate.expectValidSARIF(dir.appendingPathComponent("out.sarif").path)
        let run = try #require((try Gate.json(r.out)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let v = try #require(results.first { $0["ruleId"] as? String == "no-unilateral-control" })
        let phys = try #require(((v["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try #require(phys["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "models/LendingPool.swift")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        #expect((phys["region"] as? [String: Any])?["startLine"] as? Int == 36)
        let flows = try #require(v["codeFlows"] as? [[String: Any]])
        let steps = try #require(
            (flows.first?["threadFlows"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])
        #expect(!steps.isEmpty)
        let json = try Gate.results(String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8))
        #expect(
            try await Gate.junitTotals(dir.appendingPathComponent("j.xml").path)
                == [
                    json.count, Gate.count(json, "violated"), Gate.count(json, "error") + Gate.count(json, "unknown"),
                    Gate.count(json, "not-applicable"),
                ])
        let xml = try String(contentsOf: dir.appendingPathComponent("j.xml"), encoding: .utf8)
        // With threshold 1 any guardian holder alone is a counterexample; which one is the solver's choice.
        #expect(
            xml.contains("<failure type=\"violated\"")
                && ["Alpha Security", "Beta Capital", "Gamma Labs"].contains {
                    xml.contains("one entity, \($0), controls")
                })
    }

    @Test func redactedOutputCarriesOnlyVerdictsAndHashes() async throws {
        let dir = try Gate.project(flawed: true)
        let secrets = [
            "Gamma Labs", "Alpha Security", "Beta Capital", "guardian-1", "guardian-2", "guardian-3", "stolen = ",
            "price = ", "referencePrice",
        ]
        for format in ["text", "sarif", "junit", "json"] {
            let r = try await Gate.run(
                [
                    "specs/", "--no-cache", "--redact", "--redact-file", "cex.json", "--format", format,
                    "--sarif", "r.sarif", "--junit", "r.xml",
                ], in: dir)
            #expect(r.status == 1, "\(r.err)")
            let files = try ["r.sarif", "r.xml"].map {
                try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
            }
            for text in [r.out, r.err] + files {
                for s in secrets { #expect(!text.contains(s), "\(format): redacted output contains '\(s)'") }
            }
            let withheld = try String(contentsOf: dir.appendingPathComponent("cex.json"), encoding: .utf8)
            #expect(withheld.contains("Gamma Labs"))
            let hash = try #require(
                (try Gate.json(withheld)["counterexamples"] as? [[String: Any]])?.first?["sha256"] as? String)
            #expect(r.out.contains(hash) && files.allSatisfy { $0.contains(hash) })
        }
        try await Gate.expectValidSARIF(dir.appendingPathComponent("r.sarif").path)
    }

    @Test func changingOneProcedureResolvesOnlyItsChecks() async throws {
        let dir = try Gate.project(specs: ["LendingPause.swift", "LendingOracle.swift"])
        func cached() async throws -> [String: [Bool]] {
            let r = try await Gate.run(["specs/", "--cache-dir", "cache", "--format", "json"], in: dir)
            #expect(r.status == 0, "\(r.err)")
            var out: [String: [Bool]] = [:]
            for x in try Gate.results(r.out) {
                out[x["procedure"] as! String, default: []].append(x["cached"] as? Bool ?? false)
            }
            return out
        }
        let first = try await cached()
        #expect(first.keys.sorted() == ["PauseOnExploit", "SuspendLiquidationsOnDeviation"])
        #expect(first.values.allSatisfy { $0.allSatisfy { !$0 } })
        #expect(try await cached().values.allSatisfy { $0.allSatisfy { $0 } })
        try Gate.edit(
            dir.appendingPathComponent("specs/LendingOracle.swift"), "Window(3 * day + 15 * minute)",
            "Window(3 * day + 30 * minute)")
        let third = try await cached()
        #expect(third["PauseOnExploit"]!.allSatisfy { $0 }, "unchanged procedure re-solved")
        #expect(third["SuspendLiquidationsOnDeviation"]!.allSatisfy { !$0 }, "changed procedure taken from the cache")
        // Moving a procedure within its file keeps its results cached, with locations from the current file.
        let pause = dir.appendingPathComponent("specs/LendingPause.swift")
        try Gate.edit(pause, "import RecovDSL\n", "import RecovDSL\n\n\n\n")
        let r = try await Gate.run(["specs/", "--cache-dir", "cache", "--format", "json"], in: dir)
        let moved = try Gate.results(r.out).filter { $0["procedure"] as? String == "PauseOnExploit" }
        #expect(moved.allSatisfy { $0["cached"] as? Bool == true })
        let fresh = try await Gate.results(Gate.run(["specs/", "--no-cache", "--format", "json"], in: dir).out)
            .filter { $0["procedure"] as? String == "PauseOnExploit" }
        func lines(_ rs: [[String: Any]]) -> [Int] {
            rs.map { (($0["location"] as? [String: Any])?["line"] as? Int) ?? -1 }
        }
        #expect(lines(moved) == lines(fresh), "cached locations were not refreshed")
    }

    @Test func requireApprovedFailsOnChangedOrUnapprovedProcedures() async throws {
        let dir = try Gate.project()
        var r = try await Gate.run(["specs/", "--no-cache", "--require-approved", "--lock", "review.lock"], in: dir)
        #expect(r.status == 1 && r.err.contains("'PauseOnExploit' was never approved"), "\(r.err)")
        r = try await Gate.run(["approve", "specs/", "--by", "Reviewer One", "--lock", "review.lock"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        let lock = try String(contentsOf: dir.appendingPathComponent("review.lock"), encoding: .utf8)
        #expect(lock.contains("\"PauseOnExploit\"") && lock.contains("Reviewer One") && lock.contains("\"hash\""))
        r = try await Gate.run(["approve", "specs/", "--by", "Someone Else", "--lock", "review.lock"], in: dir)
        #expect(
            try String(contentsOf: dir.appendingPathComponent("review.lock"), encoding: .utf8) == lock,
            "re-approving an unchanged procedure rewrote it")
        r = try await Gate.run(["specs/", "--require-approved", "--lock", "review.lock"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        try Gate.edit(
            dir.appendingPathComponent("specs/LendingPause.swift"), "MaxDuration(paused, 8 * day)",
            "MaxDuration(paused, 9 * day)")
        r = try await Gate.run(["specs/", "--require-approved", "--lock", "review.lock"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.contains("procedure 'PauseOnExploit' changed since its approval by Reviewer One"), "\(r.err)")
        // A procedure whose checks do not all hold cannot be approved.
        let flawed = try Gate.project(flawed: true)
        r = try await Gate.run(["approve", "specs/", "--lock", "review.lock"], in: flawed)
        #expect(r.status == 1 && r.err.contains("cannot approve procedure 'PauseOnExploit'"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: flawed.appendingPathComponent("review.lock").path))
    }

    @Test func shardsSplitTheChecksAndMergeIntoOneReport() async throws {
        let dir = try Gate.project(specs: ["LendingPause.swift", "LendingOracle.swift"])
        let a = try await Gate.run(["specs/", "--shard", "1/2", "--cache-dir", "cache", "--json", "s1.json"], in: dir)
        let b = try await Gate.run(["specs/", "--shard", "2/2", "--cache-dir", "cache", "--json", "s2.json"], in: dir)
        #expect(a.status == 0 && b.status == 0, "\(a.err) \(b.err)")
        let r1 = try Gate.results(String(contentsOf: dir.appendingPathComponent("s1.json"), encoding: .utf8))
        let r2 = try Gate.results(String(contentsOf: dir.appendingPathComponent("s2.json"), encoding: .utf8))
        #expect(Set(r1.map { $0["procedure"] as! String }).isDisjoint(with: Set(r2.map { $0["procedure"] as! String })))
        #expect(r1.count == 7 && r2.count == 7)
        let m = try await Gate.run(
            ["merge-results", "s1.json", "s2.json", "--sarif", "m.sarif", "--junit", "m.xml"], in: dir)
        #expect(m.status == 0, "\(m.err)")
        #expect(try Gate.results(m.out).count == 14)
        try await Gate.expectValidSARIF(dir.appendingPathComponent("m.sarif").path)
        #expect(try await Gate.junitTotals(dir.appendingPathComponent("m.xml").path).first == 14)
        let dup = try await Gate.run(["merge-results", "s1.json", "s1.json"], in: dir)
        #expect(dup.status == 2)
    }

    @Test func budgetMakesUnfinishedChecksUnknownAndFailsClosed() async throws {
        let dir = try Gate.project()
        var r = try await Gate.run(["specs/", "--no-cache", "--budget", "0.001", "--format", "json"], in: dir)
        #expect(r.status == 3, "\(r.err)")
        let results = try Gate.results(r.out)
        #expect(
            !results.isEmpty
                && results.allSatisfy {
                    $0["verdict"] as? String == "unknown" && ($0["message"] as? String ?? "").contains("--budget")
                })
        r = try await Gate.run(
            [
                "specs/", "--no-cache", "--budget", "0.001", "--allow-unknown", "--sarif", "a.sarif", "--junit",
                "a.xml", "--json", "a.json",
            ], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("--allow-unknown"))
        let sarif = try String(contentsOf: dir.appendingPathComponent("a.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"allowUnknown\" : true") && sarif.contains("allowed by --allow-unknown"))
        try await Gate.expectValidSARIF(dir.appendingPathComponent("a.sarif").path)
        let xml = try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8)
        #expect(xml.contains("allowed by --allow-unknown") && xml.contains("name=\"allowUnknown\" value=\"true\""))
        #expect(
            try Gate.json(String(contentsOf: dir.appendingPathComponent("a.json"), encoding: .utf8))["allowUnknown"]
                as? Bool == true)
    }

    @Test func durationsAreKeptWithoutTheCacheAndChangeOnlyTheStartOrder() async throws {
        let dir = try Gate.project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = [
            "specs/", "--no-cache", "--cache-dir", "cache", "--rule", "no-unilateral-control", "--jobs", "2",
            "--no-color",
        ]
        let first = try await Gate.run(args, in: dir)
        let file = dir.appendingPathComponent("cache/durations.json")
        let history = try Gate.json(String(contentsOf: file, encoding: .utf8))
        #expect((history["checks"] as? [String: Any])?.count == 2, "the two checks' durations are kept")
        #expect(
            !FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/results").path),
            "--no-cache stored a result")
        // A history that turns the start order around: the report is the same.
        try Data(
            #"{"version":1,"checks":{"PauseOnExploit\u001fsanity":{"seconds":1000,"stamp":1},"PauseOnExploit\u001fno-unilateral-control":{"seconds":0,"stamp":1}}}"#
                .utf8
        )
        .write(to: file)
        let second = try await Gate.run(args, in: dir)
        #expect(second.status == first.status)
        // The first run may have compiled the specs, the second then takes their IR from the cache.
        func report(_ out: String) -> [Substring] {
            out.split(separator: "\n").filter { !$0.hasPrefix("IR from cache") }
        }
        #expect(report(second.out) == report(first.out), "the start order changed the report")
    }
}
