import Foundation
import RecovTestSupport
import Testing

/// Issue 11: `recovcheck init` in an empty folder makes a project whose example passes.
@Suite struct InitTests {
    @Test func initThenCheckPassesFromAnEmptyFolder() async throws {
        let root = try freshTempDir("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try await runProgram(try recovcheckBinary(), ["init"], cwd: root)
        #expect(made.status == 0, "\(made.stderr)")
        for file in ["models/Pool.swift", "specs/PauseOnBug.swift", "Package.swift", ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + file), "init did not create \(file)")
        }
        let check = try await runProgram(try recovcheckBinary(), ["specs", "--no-cache"], cwd: root)
        #expect(check.status == 0, "exit \(check.status)\nstdout: \(check.stdout)\nstderr: \(check.stderr)")
        #expect(check.stdout.contains("PauseOnBug"))

        // A second init refuses to overwrite, names the file, and changes nothing.
        let before = try String(contentsOfFile: root + "/models/Pool.swift", encoding: .utf8)
        try "// edited\n".write(toFile: root + "/specs/PauseOnBug.swift", atomically: true, encoding: .utf8)
        let again = try await runProgram(try recovcheckBinary(), ["init", "."], cwd: root)
        expectInputError(again, mentions: "models/Pool.swift", "init over an existing project")
        #expect(try String(contentsOfFile: root + "/specs/PauseOnBug.swift", encoding: .utf8) == "// edited\n")
        #expect(try String(contentsOfFile: root + "/models/Pool.swift", encoding: .utf8) == before)
    }

    @Test func initIntoANewFolder() async throws {
        let root = try freshTempDir("init-dir")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try await runProgram(try recovcheckBinary(), ["init", "project"], cwd: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/project/specs/PauseOnBug.swift"))
        #expect(made.stdout.contains("cd project && recovcheck specs"))
    }
}
