/// Makes untrusted text (names and messages from specs, output of spec programs) safe to print on
/// a terminal: control characters cannot move the cursor, clear lines, ring the bell or start
/// escape sequences, so a spec cannot forge lines or hide text in recovcheck's output.
public enum TerminalText {
    /// `text` with every control character (C0 and DEL, C1, and the Unicode line/paragraph
    /// separators and bidirectional overrides) shown as a Swift-style `\u{1B}` escape; a backslash
    /// that would start such an escape is doubled so the escapes cannot be forged either.
    /// With `keepNewlines`, `\n` and `\t` stay (multi-line messages); otherwise they are escaped too.
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) || $0 == "\\" }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s == "\\" {
                // Double a backslash only where it would read as one of our escapes: `\u{`.
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                out += next == "u" ? "\\\\" : "\\"
            } else if needsEscape(s, keepNewlines: keepNewlines) {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func needsEscape(_ s: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        if keepNewlines && (s == "\n" || s == "\t") { return false }
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0 (ESC, CR, BEL, LF…), DEL, C1 (CSI…)
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks, overrides and isolates
        default: return false
        }
    }
}
