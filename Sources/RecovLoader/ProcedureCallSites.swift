/// The 1-based `(line, column)` of every `Procedure(` call in Swift `source`, outside comments
/// and string literals: the safety net of discovery by construction. A call site the spec
/// program never executed would declare a procedure that is never checked.
public func procedureCallSites(in source: String) -> [(line: Int, column: Int)] {
    let s = Array(source.unicodeScalars)
    var out: [(line: Int, column: Int)] = []
    var i = 0, line = 1, column = 1
    func isIdent(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
    func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
    func advance(_ n: Int = 1) {
        for _ in 0..<n where i < s.count {
            if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
    }
    // Skips a string literal starting at `i` (after any `#`s counted in `hashes`).
    func skipString(hashes: Int) {
        let multi = at(i) == "\"" && at(i + 1) == "\"" && at(i + 2) == "\""
        advance(multi ? 3 : 1)
        while i < s.count {
            if s[i] == "\\" && hashes == 0 {
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
                return
            }
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
                if at(k) == "(" { out.append((startLine, startColumn)) }
            }
        } else {
            advance()
        }
    }
    return out
}

/// Whether the `.` at `dot` follows `RecovDSL` (a module-qualified `RecovDSL.Procedure(`).
private func isModuleQualified(_ s: [Unicode.Scalar], before dot: Int) -> Bool {
    let name = Array("RecovDSL".unicodeScalars)
    guard dot >= name.count else { return false }
    return Array(s[(dot - name.count)..<dot]) == name
}
