/// The 1-based `(line, column)` of every `Procedure(` call in Swift `source`, outside comments,
/// string literals and inactive `#if` branches: the safety net of discovery by construction. A
/// call site the spec program never executed would declare a procedure that is never checked.
/// A branch counts as inactive only when `CompilationCondition` can tell for sure.
public func procedureCallSites(in source: String) -> [(line: Int, column: Int)] {
    scanSwiftSource(source).calls
}

/// A plain string literal of a Swift source (one line, no escapes, no interpolation, not raw):
/// its text and the 1-based position of its opening quote.
struct StringLiteralSite: Equatable {
    var text: String
    var line: Int
    var column: Int
}

/// One pass over `source`: the `Procedure(` call sites and the plain string literals, outside
/// comments and inactive `#if` branches.
func scanSwiftSource(_ source: String) -> (calls: [(line: Int, column: Int)], literals: [StringLiteralSite]) {
    let s = Array(source.unicodeScalars)
    var out: [(line: Int, column: Int)] = []
    var literals: [StringLiteralSite] = []
    var i = 0, line = 1, column = 1
    func isIdent(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
    func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    func advance(_ n: Int = 1) {
        for _ in 0..<n where i < s.count {
            if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
    }
    // Open `#if` blocks: whether the current branch is active, and whether an earlier one was
    // (nil: not known, so treated as active).
    var conditionals: [(active: Bool?, taken: Bool?)] = []
    func atLineStart(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, s[j] == " " || s[j] == "\t" { j -= 1 }
        return j < 0 || s[j] == "\n"
    }
    // Reads a directive's condition: the rest of the line, without a trailing `//` comment.
    func restOfLine() -> String {
        var text = ""
        while let d = at(i), d != "\n" {
            if d == "/" && at(i + 1) == "/" { break }
            text.unicodeScalars.append(d); advance()
        }
        return text
    }
    // Skips a string literal starting at `i` (after any `#`s counted in `hashes`).
    func skipString(hashes: Int) {
        let multi = at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\""
        let startLine = line, startColumn = column
        var text: String? = multi || hashes > 0 ? nil : ""   // nil: not a plain literal
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
                if let text, !conditionals.contains(where: { $0.active == false }) {
                    literals.append(StringLiteralSite(text: text, line: startLine, column: startColumn))
                }
                return
            }
            text?.unicodeScalars.append(s[i])
            advance()
        }
    }
    // Skips an interpolation `( ... )`, which may itself hold strings.
    func skipParens() {
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth == 0 { advance(); return } }
            if c == "\"" { skipString(hashes: 0); continue }
            advance()
        }
    }
    while i < s.count {
        let c = s[i]
        if c == "/" && at(i + 1) == "/" {
            while i < s.count && s[i] != "\n" { advance() }
        } else if c == "/" && at(i + 1) == "*" {
            var depth = 0
            while i < s.count {
                if s[i] == "/" && at(i + 1) == "*" { depth += 1; advance(2); continue }
                if s[i] == "*" && at(i + 1) == "/" { depth -= 1; advance(2); if depth == 0 { break }; continue }
                advance()
            }
        } else if c == "#", atLineStart(i), let directive = ["if", "elseif", "else", "endif"].first(where: { word in
            let w = Array(word.unicodeScalars)
            return (0..<w.count).allSatisfy { at(i + 1 + $0) == w[$0] } && !(at(i + 1 + w.count).map(isIdent) ?? false)
        }) {
            advance(1 + directive.unicodeScalars.count)
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
            let startLine = line, startColumn = column
            let prev = i > 0 ? s[i - 1] : " "
            var word = ""
            while let d = at(i), isIdent(d) { word.unicodeScalars.append(d); advance() }
            if word == "Procedure" && prev != "." || word == "Procedure" && prev == "." && isModuleQualified(s, before: i - word.unicodeScalars.count - 1) {
                var k = i
                while let d = at(k), d == " " || d == "\t" { k += 1 }
                if at(k) == "(" && !conditionals.contains(where: { $0.active == false }) { out.append((startLine, startColumn)) }
            }
        } else {
            advance()
        }
    }
    return (out, literals)
}

/// Whether the `.` at `dot` follows `RecovDSL` (a module-qualified `RecovDSL.Procedure(`).
private func isModuleQualified(_ s: [Unicode.Scalar], before dot: Int) -> Bool {
    let name = Array("RecovDSL".unicodeScalars)
    guard dot >= name.count else { return false }
    return Array(s[(dot - name.count)..<dot]) == name
}
