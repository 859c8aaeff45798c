/// The value of a `#if` condition in a spec as recovcheck compiles it, when it is certain:
/// specs are compiled with no `-D` flags (every custom condition, `DEBUG` included, is false) for
/// the host's OS and architecture. Anything else (`canImport`, `swift(>=…)`, `compiler(>=…)`,
/// `hasFeature`, …) is unknown (nil), and an unknown branch counts as active.
enum CompilationCondition {
    /// `text` evaluated with three-valued logic (`false && unknown` is false, `true || unknown` true).
    static func evaluate(_ text: String) -> Bool? {
        var p = Parser(tokens: tokenize(text))
        guard let v = p.or(), p.index == p.tokens.count else { return nil }
        return v.value
    }

    /// A parsed value: `value` is nil when unknown.
    struct Value { var value: Bool? }

    struct Parser {
        var tokens: [String]
        var index = 0
        var peek: String? { index < tokens.count ? tokens[index] : nil }
        mutating func next() -> String? {
            defer { index += 1 }
            return peek
        }

        mutating func or() -> Value? {
            guard var lhs = and() else { return nil }
            while peek == "||" {
                index += 1
                guard let rhs = and() else { return nil }
                lhs = Value(
                    value: lhs.value == true || rhs.value == true
                        ? true : (lhs.value == false && rhs.value == false ? false : nil))
            }
            return lhs
        }

        mutating func and() -> Value? {
            guard var lhs = unary() else { return nil }
            while peek == "&&" {
                index += 1
                guard let rhs = unary() else { return nil }
                lhs = Value(
                    value: lhs.value == false || rhs.value == false
                        ? false : (lhs.value == true && rhs.value == true ? true : nil))
            }
            return lhs
        }

        mutating func unary() -> Value? {
            if peek == "!" {
                index += 1
                return unary().map { Value(value: $0.value.map(!)) }
            }
            if peek == "(" {
                index += 1
                let v = or()
                guard next() == ")" else { return nil }
                return v
            }
            guard let name = next(), name.first.map({ $0.isLetter || $0 == "_" }) == true else { return nil }
            guard peek == "(" else {
                switch name {
                case "true": return Value(value: true)
                case "false": return Value(value: false)
                default: return Value(value: false)  // a custom condition: no -D flag is passed
                }
            }
            // A platform condition: `name(argument...)`.
            index += 1
            var argument: [String] = []
            while let t = peek, t != ")" {
                argument.append(t)
                index += 1
            }
            guard next() == ")" else { return nil }
            let arg = argument.joined()
            switch name {
            case "os" where hostOS != "unknown":
                return Value(value: arg == hostOS || (hostOS == "macOS" && arg == "OSX"))
            case "arch" where hostArch != "unknown": return Value(value: arg == hostArch)
            default: return Value(value: nil)
            }
        }
    }

    /// Identifiers, `(`, `)`, `!`, `&&`, `||` and other punctuation as single tokens.
    static func tokenize(_ text: String) -> [String] {
        var out: [String] = []
        let c = Array(text)
        var i = 0
        while i < c.count {
            if c[i].isWhitespace {
                i += 1
                continue
            }
            if c[i].isLetter || c[i].isNumber || c[i] == "_" || c[i] == "." {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber || c[j] == "_" || c[j] == "." { j += 1 }
                out.append(String(c[i..<j]))
                i = j
            } else if i + 1 < c.count, (c[i] == "&" && c[i + 1] == "&") || (c[i] == "|" && c[i + 1] == "|") {
                out.append(String(c[i...(i + 1)]))
                i += 2
            } else {
                out.append(String(c[i]))
                i += 1
            }
        }
        return out
    }

    static var hostOS: String {
        #if os(Linux)
            return "Linux"
        #elseif os(macOS)
            return "macOS"
        #else
            return "unknown"
        #endif
    }

    static var hostArch: String {
        #if arch(x86_64)
            return "x86_64"
        #elseif arch(arm64)
            return "arm64"
        #else
            return "unknown"
        #endif
    }
}
