import RecovIR

/// swiftc's errors (`-diagnostic-style=swift`) as the user should read them: each error in a
/// user's file with its source snippet, caret and notes, under the user's path; notes that point
/// into the DSL library (or anywhere else the user never edits) shortened to their message; and
/// the DSL's hidden location parameters (`file:line:column:`, filled in by `#filePath`, `#line`,
/// `#column`) taken out of the messages, so a wrong label or argument reads as it would for any
/// Swift function with the user's arguments only. Warnings are left out.
struct CompilerDiagnostics {
    /// The user's files as swiftc was given them (absolute), each with the path to show.
    var displayPaths: [String: String]
    /// The file names of the DSL library's sources (notes about its declarations name it).
    var dslFileNames: Set<String> = []

    /// One diagnostic as swiftc printed it: the `file:line:col: severity: message` line and the
    /// snippet lines under it.
    struct Block: Equatable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var body: [String]
    }

    /// The errors in the user's files, and the other errors (in generated code) as blocks.
    func diagnostics(from output: String) -> (user: [Diagnostic], elsewhere: [Block]) {
        var user: [Diagnostic] = []
        var elsewhere: [Block] = []
        var current: (error: Block, notes: [Block])?

        func finish() {
            guard let (error, notes) = current else { return }
            current = nil
            guard let shown = displayPaths[error.file] else {
                elsewhere.append(error)
                return
            }
            var lines = error.body.map(cleanAnnotation)
            for note in notes {
                if let path = displayPaths[note.file] {
                    lines.append("\(path):\(note.line):\(note.column): note: \(clean(note.message))")
                    lines += note.body.map(cleanAnnotation)
                } else if let line = elsewhereNote(note) {
                    lines.append(line)
                }
            }
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            let d = Diagnostic(
                clean(error.message), at: SourceLocation(file: shown, line: error.line, column: error.column),
                excerpt: lines.isEmpty ? nil : lines.joined(separator: "\n"))
            if !user.contains(d) { user.append(d) }
        }

        var previous: Block?  // the last error swiftc printed, shown or not
        for block in Self.blocks(output) {
            switch block.severity {
            case "error":
                finish()
                defer { previous = block }
                if let p = previous, Self.isConsequence(block, of: p) { continue }
                current = (block, [])
            case "note":
                current?.notes.append(block)
            default:
                // A warning (and the notes after it) is not shown.
                finish()
            }
        }
        finish()
        return (user, elsewhere)
    }

    /// A note outside the user's files (in the DSL's sources or the standard library): its message
    /// without the code it points at; "declared here" says where instead. Nil: not worth showing.
    func elsewhereNote(_ note: Block) -> String? {
        let message = clean(note.message)
        guard message.hasSuffix(" declared here") else { return "note: \(message)" }
        // Without the DSL's sources at hand, swiftc names a generated interface: `RecovDSL.Step.init`.
        let name = note.file.split(separator: "/").last.map(String.init) ?? note.file
        guard dslFileNames.contains(name) || note.file.hasPrefix("RecovDSL.") else { return nil }
        return "note: \(message.dropLast(" here".count)) in RecovDSL"
    }

    /// Whether `error` only follows from `previous` on the same line, through the hidden parameters:
    /// - an extra positional argument binds to the first hidden parameter (`file: String`): swiftc
    ///   says "missing argument label 'file:'" (shown as "extra argument in call") and then, for
    ///   the same argument, "cannot convert ... to expected argument type 'String'";
    /// - after a wrong label, the trailing closure lands on the parameter before the body (the
    ///   hidden `column: Int`): "trailing closure passed to parameter of type 'Int' ...".
    static func isConsequence(_ error: Block, of previous: Block) -> Bool {
        guard error.file == previous.file, error.line == previous.line else { return false }
        let m = error.message
        if previous.message == hiddenLabelMessage {
            return m.hasPrefix("cannot convert value of type") && m.hasSuffix("to expected argument type 'String'")
        }
        if previous.message.hasPrefix("incorrect argument label") {
            return m.hasPrefix("trailing closure passed to parameter of type")
                && m.hasSuffix("that does not accept a closure")
        }
        return false
    }

    /// What swiftc says when an extra positional argument lands on the hidden `file:` parameter.
    static let hiddenLabelMessage = "missing argument label 'file:' in call"

    /// A message without the DSL's hidden location parameters.
    func clean(_ message: String) -> String {
        if message == Self.hiddenLabelMessage { return "extra argument in call" }
        var m = message
        // Label lists: `'_:action:by:after:within:args:file:line:column:_:'`.
        m = m.replacingOccurrences(of: "file:line:column:", with: "")
        // Parameter lists of candidates: `(String, threshold: Int, of: [Key], file: String, line: Int, column: Int)`.
        m = m.replacingOccurrences(of: ", file: String, line: Int, column: Int", with: "")
        m = m.replacingOccurrences(of: "file: String, line: Int, column: Int, ", with: "")
        return m
    }

    /// A snippet line: the source lines stay as they are; the caret lines' messages are cleaned.
    func cleanAnnotation(_ line: String) -> String {
        if line.firstMatch(of: /^\s*\d+ \|/) != nil { return line }
        if line.firstMatch(of: /^\s*\|/) != nil {
            if line.hasSuffix("- error: " + Self.hiddenLabelMessage) {
                return String(line.dropLast(Self.hiddenLabelMessage.count)) + clean(Self.hiddenLabelMessage)
            }
            return clean(line)
        }
        return line
    }

    /// Splits swiftc's output into diagnostics; lines before the first one, blank lines at the
    /// end of each and swiftc's category footnotes (`[#name]: <url>`) are dropped.
    static func blocks(_ output: String) -> [Block] {
        var out: [Block] = []
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let m = line.wholeMatch(of: /(.+?):(\d+):(\d+): (error|warning|note|remark): (.*)/) {
                out.append(
                    Block(
                        file: String(m.1), line: Int(m.2) ?? 1, column: Int(m.3) ?? 1,
                        severity: String(m.4), message: String(m.5), body: []))
            } else if !out.isEmpty, line.wholeMatch(of: /\[#[A-Za-z0-9_-]+\]: .*/) == nil {
                out[out.count - 1].body.append(line)
            }
        }
        for i in out.indices {
            while out[i].body.last?.allSatisfy(\.isWhitespace) == true { out[i].body.removeLast() }
        }
        return out
    }
}
