/// The escaping HTML and XML (JUnit) share: the five characters markup reserves become entities
/// (the apostrophe as each format spells it); every other character goes through `other`.
enum MarkupEscape {
    /// `s` escaped; `other` returns a character's text, or nil to drop it.
    static func escape(_ s: String, apostrophe: String, other: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            default: if let text = other(c) { out += text }
            }
        }
        return out
    }
}
