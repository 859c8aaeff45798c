/// Reads identifiers as Swift's mangler writes them (swift/lib/Demangling/Demangler.cpp,
/// `demangleIdentifier`): `<n><chars>`, or `0` then parts that are literal runs `<n><chars>` or
/// references to an earlier word (`a`...`z`, a capital for the last part); words are the runs of
/// at least two characters of the literal parts, split before a capital that follows a non-capital
/// and at `_`, at most 26 across the whole name; or `00<n>[_]<chars>`, Swift's punycode
/// (RFC 3492 with `_` as the delimiter and digits `a`-`z`, `A`-`J`), which adds no words.
struct MangledIdentifierReader {
    private let bytes: [UInt8]
    private var pos = 0
    private var words: [[UInt8]] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// What is left after the identifiers read so far.
    var rest: ArraySlice<UInt8> { bytes[pos...] }

    /// The next identifier, or nil when the text there is not one this reader understands.
    mutating func identifier() -> String? {
        guard pos < bytes.count, isDigit(bytes[pos]) else { return nil }
        var substitutions = false
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "0") {
                pos += 1
                guard let count = natural(), count > 0 else { return nil }
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "_") { pos += 1 }
                guard pos + count <= bytes.count else { return nil }
                defer { pos += count }
                return decodePunycode(Array(bytes[pos..<pos + count]))
            }
            substitutions = true
        }
        var out: [UInt8] = []
        repeat {
            while substitutions, pos < bytes.count, isLetter(bytes[pos]) {
                let c = bytes[pos]
                pos += 1
                let index: Int
                if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
                    index = Int(c - UInt8(ascii: "a"))
                } else {
                    index = Int(c - UInt8(ascii: "A"))
                    substitutions = false
                }
                guard index < words.count else { return nil }
                out += words[index]
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "0") {
                pos += 1
                break
            }
            guard let count = natural(), count > 0, pos + count <= bytes.count else { return nil }
            let slice = Array(bytes[pos..<pos + count])
            out += slice
            addWords(of: slice)
            pos += count
        } while substitutions
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3492 decoding with Swift's delimiter and digits (swift/lib/Demangling/Punycode.cpp).
    private func decodePunycode(_ input: [UInt8]) -> String? {
        var output: [UInt32] = []
        var p = 0
        if let delimiter = input.lastIndex(of: UInt8(ascii: "_")) {
            for c in input[..<delimiter] {
                guard c < 0x80 else { return nil }
                output.append(UInt32(c))
            }
            p = delimiter + 1
        }
        var n = 128
        var i = 0
        var bias = 72
        while p < input.count {
            let oldI = i
            var w = 1
            var k = 36
            while true {
                guard p < input.count else { return nil }
                let c = input[p]
                p += 1
                let digit: Int
                if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
                    digit = Int(c - UInt8(ascii: "a"))
                } else if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "J") {
                    digit = Int(c - UInt8(ascii: "A")) + 26
                } else {
                    return nil
                }
                let (added, o1) = digit.multipliedReportingOverflow(by: w)
                let (sum, o2) = i.addingReportingOverflow(added)
                guard !o1, !o2, sum < 0x11_0000 * (output.count + 1) else { return nil }
                i = sum
                let t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias)
                if digit < t { break }
                w *= 36 - t
                k += 36
            }
            var delta = oldI == 0 ? (i - oldI) / 700 : (i - oldI) / 2
            delta += delta / (output.count + 1)
            var kk = 0
            while delta > 35 * 26 / 2 {
                delta /= 35
                kk += 36
            }
            bias = kk + 36 * delta / (delta + 38)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n < 0x11_0000 else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var text = ""
        for v in output {
            guard let scalar = Unicode.Scalar(v) else { return nil }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    private mutating func natural() -> Int? {
        var value = 0
        var digits = 0
        while pos < bytes.count, isDigit(bytes[pos]), digits < 9 {
            value = value * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
            pos += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func addWords(of slice: [UInt8]) {
        var start: Int? = nil
        for i in 0...slice.count {
            let c: UInt8 = i < slice.count ? slice[i] : 0
            if let s = start, c == UInt8(ascii: "_") || c == 0 || (!isUpper(slice[i - 1]) && isUpper(c)) {
                if i - s >= 2 && words.count < 26 { words.append(Array(slice[s..<i])) }
                start = nil
            }
            if start == nil && !isDigit(c) && c != UInt8(ascii: "_") && c != 0 { start = i }
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private func isUpper(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
    private func isLetter(_ c: UInt8) -> Bool { isUpper(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) }
}
