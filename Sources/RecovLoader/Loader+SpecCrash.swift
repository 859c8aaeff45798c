import Foundation
import RecovIR

extension Loader {
    /// The environment the spec program runs with, so a crash names its place: Swift's backtracer
    /// on (plain text, crashed thread only, file:line of each frame).
    static let crashReportingEnvironment = [
        "SWIFT_BACKTRACE":
            "enable=yes,interactive=no,color=no,output-to=stderr,threads=crashed,registers=none,images=none,sanitize=no,limit=64,top=16"
    ]

    /// A diagnostic for a spec program that crashed or failed, at the user's line when the Swift
    /// runtime's message (`file:line: Fatal error: ...`) or its backtrace names one of `files`.
    func specProgramCrash(_ result: RunResult, files: [String], names: String, fallback: String) -> Diagnostic {
        let (message, place) = Self.crashSummary(stderr: result.stderr, files: files)
        let how: String
        if result.signaled {
            let signal =
                result.status == SIGSEGV || result.status == SIGBUS
                ? "signal \(result.status), probably a stack overflow from very deep recursion"
                : "signal \(result.status)"
            how = "crashed (\(signal))"
        } else {
            how = "exited with status \(result.status)"
        }
        var text = "spec program \(how)"
        if let message { text += ": \(message)" }
        if place == nil {
            let tail = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).suffix(20).joined(
                separator: "\n")
            text += " (specs: \(names))" + (tail.isEmpty || message != nil ? "" : ":\n" + tail)
        }
        return Diagnostic(text, at: place ?? loc(fallback))
    }

    /// The runtime's error message and the first place in `files` the crash report names: the
    /// message's own `file:line` when it is a user file, else the innermost backtrace frame in one.
    static func crashSummary(stderr: String, files: [String]) -> (message: String?, place: SourceLocation?) {
        let userFiles = Set(files)
        // The runtime and the backtracer print paths relative to the current folder when they can.
        let cwd = FileManager.default.currentDirectoryPath
        func user(_ path: Substring) -> String? {
            let p = String(path)
            let abs = ((p.hasPrefix("/") ? p : cwd + "/" + p) as NSString).standardizingPath
            return userFiles.contains(abs) ? abs : userFiles.contains(p) ? p : nil
        }
        var message: String?
        var place: SourceLocation?
        for raw in stderr.split(separator: "\n") {
            let line = String(raw)
            if message == nil,
                let m = line.firstMatch(
                    of: /^(.+?):(\d+): (Fatal error|Precondition failed|Assertion failed)(?:: (.*))?$/)
            {
                let what = String(m.3) + (m.4.map { ": " + $0 } ?? "")
                message = what
                if let file = user(m.1), let n = Int(m.2) {
                    place = SourceLocation(file: file, line: n, column: 1)
                }
            } else if message == nil,
                let m = line.firstMatch(of: /^(Fatal error|Precondition failed|Assertion failed)(?:: (.*))?$/)
            {
                message = String(m.1) + (m.2.map { ": " + $0 } ?? "")
            }
            // Backtrace frames end in ` in IMAGE at path/file.swift:LINE:COL` (innermost first).
            if place == nil, let m = line.firstMatch(of: /\sin\s\S+\sat\s(.+?\.swift):(\d+):(\d+)\s*$/),
                let file = user(m.1), let l = Int(m.2), let c = Int(m.3)
            {
                place = SourceLocation(file: file, line: l, column: c)
            }
        }
        return (message, place)
    }
}
