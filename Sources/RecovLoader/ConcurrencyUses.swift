import RecovIR

/// Every use in Swift `source` of a name that starts concurrent work (`Task`, `Thread`,
/// `DispatchQueue`, …; `SwiftSourceScanner.concurrencyNames`), outside comments, string literals
/// and inactive `#if` branches. The spec program writes its IR once its declarations have run;
/// work started on another thread or task may run after that, so a procedure it creates would be
/// checked in some runs and silently missed in others.
func concurrencyUses(in source: String) -> [(name: String, line: Int, column: Int)] {
    var scanner = SwiftSourceScanner(source)
    scanner.scan()
    return scanner.concurrency
}

extension Loader {
    /// Rejects spec sources that start concurrent work, at each use (`concurrencyUses`).
    func rejectConcurrency(_ sources: [(String, String)]) throws {
        var errors: [Diagnostic] = []
        for (path, text) in sources {
            for use in concurrencyUses(in: text) {
                errors.append(
                    Diagnostic(
                        "'\(use.name)' starts concurrent work, which a spec program cannot do: recovcheck reads the declarations once they have run, so a procedure made by work still running then would not be checked (or only in some runs); declare it directly",
                        at: SourceLocation(file: Self.recordedPath(path), line: use.line, column: use.column)))
            }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw DiagnosticList(errors) }
    }
}
