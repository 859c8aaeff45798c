/// A plain string literal of a Swift source (one line, no escapes, no interpolation, not raw):
/// its text and the 1-based position of its opening quote.
struct StringLiteralSite: Equatable {
    var text: String
    var line: Int
    var column: Int
}

/// One pass over a Swift source, outside comments and inactive `#if` branches: the `Procedure(`
/// call sites, the plain string literals and the uses of concurrency (`scanSwiftSource`). A branch counts as inactive only
/// when `CompilationCondition` can tell for sure.
struct SwiftSourceScanner {
    private let s: [Unicode.Scalar]
    private var i = 0, line = 1, column = 1
    /// Open `#if` blocks: whether the current branch is active, and whether an earlier one was
    /// (nil: not known, so treated as active).
    private var conditionals: [(active: Bool?, taken: Bool?)] = []
    /// The 1-based `(line, column)` of every `Procedure(` call.
    private(set) var calls: [(line: Int, column: Int)] = []
    private(set) var literals: [StringLiteralSite] = []
    /// Every use of a name that starts concurrent work (`concurrencyNames`), with its position.
    private(set) var concurrency: [(name: String, line: Int, column: Int)] = []

    /// The names through which a spec program could start work that runs after it has written its
    /// IR (another task or thread, an exit handler, another process): a declaration made there
    /// would be missed, or made in some runs and not in others.
    static let concurrencyNames: Set<String> = [
        "Task", "Thread", "DispatchQueue", "DispatchGroup", "DispatchWorkItem", "OperationQueue", "Timer",
        "RunLoop", "pthread_create", "withTaskGroup", "withThrowingTaskGroup", "withDiscardingTaskGroup",
        "withThrowingDiscardingTaskGroup", "detachNewThread",
        // Work that runs at exit or in another process, after the IR is written.
        "atexit", "at_quick_exit", "pthread_atfork", "fork", "vfork", "sigaction",
    ]

    init(_ source: String) { s = Array(source.unicodeScalars) }

    /// Reads the whole source.
    mutating func scan() {
        while i < s.count {
            let c = s[i]
            if c == "/" && at(i + 1) == "/" {
                while i < s.count && s[i] != "\n" { advance() }
            } else if c == "/" && at(i + 1) == "*" {
                skipBlockComment()
            } else if c == "#", atLineStart(i), let directive = directive(at: i) {
                advance(1 + directive.unicodeScalars.count)
                conditional(directive)
            } else if c == "#" || c == "\"" {
                var hashes = 0
                while at(i + hashes) == "#" { hashes += 1 }
                if at(i + hashes) == "\"" {
                    advance(hashes)
                    skipString(hashes: hashes)
                } else {
                    advance(max(hashes, 1))
                }
            } else if isIdent(c) {
                identifier()
            } else {
                advance()
            }
        }
    }

    // MARK: Reading

    private func isIdent(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
    private func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    private var inactive: Bool { conditionals.contains { $0.active == false } }

    private mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where i < s.count {
            if s[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
    }

    private func atLineStart(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, s[j] == " " || s[j] == "\t" { j -= 1 }
        return j < 0 || s[j] == "\n"
    }

    /// Reads a directive's condition: the rest of the line, without a trailing `//` comment.
    private mutating func restOfLine() -> String {
        var text = ""
        while let d = at(i), d != "\n" {
            if d == "/" && at(i + 1) == "/" { break }
            text.unicodeScalars.append(d)
            advance()
        }
        return text
    }

    // MARK: Comments, strings and interpolations

    /// Skips a `/* … */` comment, nested ones included.
    private mutating func skipBlockComment() {
        var depth = 0
        while i < s.count {
            if s[i] == "/" && at(i + 1) == "*" {
                depth += 1
                advance(2)
                continue
            }
            if s[i] == "*" && at(i + 1) == "/" {
                depth -= 1
                advance(2)
                if depth == 0 { break }
                continue
            }
            advance()
        }
    }

    /// Skips a string literal starting at `i` (after any `#`s counted in `hashes`), recording it
    /// when it is plain and in an active branch.
    private mutating func skipString(hashes: Int) {
        let multi = at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\""
        let startLine = line
        let startColumn = column
        var text: String? = multi || hashes > 0 ? nil : ""  // nil: not a plain literal
        advance(multi ? 3 : 1)
        while i < s.count {
            if s[i] == "\\" && hashes == 0 {
                text = nil
                advance()
                if at(i) == "(" { skipParens() } else { advance() }
                continue
            }
            if s[i] == "\\" && hashes > 0 && (1...hashes).allSatisfy({ at(i + $0) == "#" }) {
                advance(1 + hashes)
                if at(i) == "(" { skipParens() }
                continue
            }
            if !multi && s[i] == "\n" { return }  // unterminated: the compiler reports it
            let closes = multi ? (at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\"") : at(i) == "\""
            if closes && (0..<hashes).allSatisfy({ at(i + (multi ? 3 : 1) + $0) == "#" }) {
                advance((multi ? 3 : 1) + hashes)
                if let text, !inactive {
                    literals.append(StringLiteralSite(text: text, line: startLine, column: startColumn))
                }
                return
            }
            text?.unicodeScalars.append(s[i])
            advance()
        }
    }

    /// Skips an interpolation `( ... )`, which may itself hold strings.
    private mutating func skipParens() {
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 {
                    advance()
                    return
                }
            }
            if c == "\"" {
                skipString(hashes: 0)
                continue
            }
            advance()
        }
    }

    // MARK: Conditional compilation

    /// The `#if`-family directive whose `#` is at `k`, if any.
    private func directive(at k: Int) -> String? {
        ["if", "elseif", "else", "endif"].first { word in
            let w = Array(word.unicodeScalars)
            return (0..<w.count).allSatisfy { at(k + 1 + $0) == w[$0] } && !(at(k + 1 + w.count).map(isIdent) ?? false)
        }
    }

    /// Opens, moves to the next branch of, or closes an `#if` block.
    private mutating func conditional(_ directive: String) {
        switch directive {
        case "if":
            let v = CompilationCondition.evaluate(restOfLine())
            conditionals.append((v, v))
        case "elseif", "else":
            guard let top = conditionals.popLast() else { break }
            let v = directive == "else" ? true : CompilationCondition.evaluate(restOfLine())
            let active: Bool? = top.taken == true ? false : top.taken == false ? v : (v == false ? false : nil)
            let taken: Bool? = top.taken == true || v == true ? true : (top.taken == false && v == false ? false : nil)
            conditionals.append((active, taken))
        default:
            _ = conditionals.popLast()
        }
    }

    // MARK: Procedure calls

    /// Reads an identifier, recording a `Procedure(` (or `RecovDSL.Procedure(`) call.
    private mutating func identifier() {
        let startLine = line
        let startColumn = column
        let prev = i > 0 ? s[i - 1] : " "
        var word = ""
        while let d = at(i), isIdent(d) {
            word.unicodeScalars.append(d)
            advance()
        }
        if Self.concurrencyNames.contains(word) && !inactive {
            concurrency.append((word, startLine, startColumn))
        }
        if word == "Procedure" && prev != "."
            || word == "Procedure" && prev == "." && isModuleQualified(before: i - word.unicodeScalars.count - 1)
        {
            var k = i
            while let d = at(k), d == " " || d == "\t" { k += 1 }
            if at(k) == "(" && !inactive { calls.append((startLine, startColumn)) }
        }
    }

    /// Whether the `.` at `dot` follows `RecovDSL` (a module-qualified `RecovDSL.Procedure(`).
    private func isModuleQualified(before dot: Int) -> Bool {
        let name = Array("RecovDSL".unicodeScalars)
        guard dot >= name.count else { return false }
        return Array(s[(dot - name.count)..<dot]) == name
    }
}
