import Foundation
import RecovCheck
import RecovIR

/// Writes the counterexamples of a run as replayable files (`--save-counterexamples DIR`).
public enum CounterexampleFiles {
    /// One file per violation, `<procedure>.<rule>.cex.json` in `directory`; returns their paths.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws -> [String] {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var paths: [String] = []
        for e in report.entries {
            guard let w = e.world,
                let file = CounterexampleFile(result: e.result, world: w, toolVersion: RunReport.toolVersion)
            else { continue }
            let path = url.appendingPathComponent(file.fileName)
            try file.encoded().write(to: path, options: .atomic)
            paths.append(path.path)
        }
        return paths
    }
}
