import Foundation
import RecovGate
import RecovIR

/// The one place errors reach the user: `file:line:col: error: message` (and the compiler's
/// snippet under it, when there is one), or `recovcheck: error: message` for an error about no
/// file. Names and messages may come from a spec, so control characters are escaped (TerminalText).
enum ErrorPrinter {
    /// The lines for `error`.
    static func text(_ error: Error) -> String {
        switch error {
        case let d as Diagnostic: return text(d)
        case let l as DiagnosticList: return l.diagnostics.map(text).joined(separator: "\n")
        case let g as GateError: return text(g.diagnostic)
        case let f as CommandFailure: return text(Diagnostic(f.message, at: f.location))
        default: return "recovcheck: error: " + TerminalText.escape("\(error)", keepNewlines: true)
        }
    }

    /// One diagnostic: its headline, then its excerpt and a blank line (as swiftc separates them).
    static func text(_ d: Diagnostic) -> String {
        let head = d.location.map { "\(TerminalText.escape($0.description)): error: " } ?? "recovcheck: error: "
        var out = head + TerminalText.escape(d.message, keepNewlines: true)
        if let excerpt = d.excerpt { out += "\n" + TerminalText.escape(excerpt, keepNewlines: true) + "\n" }
        return out
    }

    /// Writes `error` to standard error.
    static func print(_ error: Error) {
        FileHandle.standardError.write(Data((text(error) + "\n").utf8))
    }

    /// The exit code for an error that reached the command: a `CommandFailure`'s own, else 2
    /// (input, usage or internal error; README's exit codes).
    static func exitCode(for error: Error) -> Int32 {
        (error as? CommandFailure)?.exitCode ?? 2
    }
}
