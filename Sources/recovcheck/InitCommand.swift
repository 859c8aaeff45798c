import ArgumentParser
import Foundation
import RecovIR

/// `recovcheck init [DIR]`: creates a project to start from: `models/`, `specs/` with a passing
/// example, and a `Package.swift` for editor completion. Never overwrites a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create models/, specs/ with a passing example, and a Package.swift for editor completion."
    )

    @Argument(help: "Folder to create the project in (default: the current folder).")
    var directory: String = "."

    func run() throws {
        let fm = FileManager.default
        let root = (directory as NSString).expandingTildeInPath
        // Refuse before writing anything, so a failed init leaves no half-made project.
        for (path, _) in Scaffold.files where fm.fileExists(atPath: root + "/" + path) {
            throw CommandFailure(
                message: "already exists; recovcheck init never overwrites a file",
                location: SourceLocation(file: root + "/" + path, line: 1, column: 1))
        }
        do {
            for (path, contents) in Scaffold.files {
                let full = root + "/" + path
                try fm.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try contents.write(toFile: full, atomically: true, encoding: .utf8)
                print("created \(directory == "." ? path : (directory as NSString).appendingPathComponent(path))")
            }
        } catch {
            throw CommandFailure(
                message: "cannot create the project: \(error.localizedDescription)",
                location: SourceLocation(file: root, line: 1, column: 1))
        }
        let cd = directory == "." ? "" : "cd \(directory) && "
        print("next: \(cd)recovcheck specs    # checks specs/ with models/ (the first run compiles the DSL once)")
    }
}
