import Foundation
import RecovIR
import Synchronization

/// Writes a `CanonicalTree` as the canonical bytes: what `JSONSerialization` writes with
/// `[.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]` for the tree with its locations
/// removed (see `Canonical`), byte for byte.
///
/// - Keys are in `JSONSerialization`'s `.sortedKeys` order, which is not code-point order: it
///   compares with `[.numeric, .caseInsensitive, .forcedOrdering]` in the system locale (ICU
///   collation past the first differing character). That comparison is called here too, the same
///   way, but once per distinct list of keys (a program has a few dozen): the order is remembered.
///   Keys that are not all ASCII are left to the reference pipeline (see `order`).
/// - Strings are escaped as `JSONSerialization` escapes them: `"` `\` and the control characters
///   below U+0020 (`\b \f \n \r \t`, the others `\u00xx` in lower-case hex), nothing else; `/` as is.
/// - Locations are collected in the order `Canonical.strip` visits them: keys in `String` order.
enum CanonicalWriter {
    /// The tree has a location `Canonical.strip` would read through `NSNumber` conversions this
    /// writer does not reproduce (a line that is a boolean or a non-integer): use the reference pipeline.
    struct NeedsReference: Error {}

    static func write(_ tree: CanonicalTree) throws -> (data: Data, locations: [SourceLocation]) {
        var locations: [SourceLocation] = []
        try strip(tree, into: &locations)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 14)
        try write(tree, to: &out)
        return (Data(out), locations)
    }

    /// Removes every `loc` object (a `file` string, `line` and `column` numbers) and collects it.
    static func strip(_ tree: CanonicalTree, into locations: inout [SourceLocation]) throws {
        switch tree {
        case .object(let o):
            var removed: Int?
            for i in try order(o.keys, by: .string) {
                if o.keys[i] == "loc", let l = try location(o.values[i]) {
                    locations.append(l)
                    removed = i
                    continue
                }
                try strip(o.values[i], into: &locations)
            }
            if let removed { o.remove(at: removed) }
        case .array(let a):
            for item in a.items { try strip(item, into: &locations) }
        case .string, .int, .bool, .null, .fragment:
            break
        }
    }

    /// The location `Canonical.strip` reads from a `loc` value, or nil where it reads none.
    static func location(_ tree: CanonicalTree) throws -> SourceLocation? {
        guard case .object(let l) = tree, let file = l["file"], let line = l["line"], let column = l["column"] else {
            return nil
        }
        for part in [file, line, column] {
            switch part {
            case .fragment, .bool: throw NeedsReference()
            default: continue
            }
        }
        guard case .string(let f) = file, case .int(let n) = line, case .int(let c) = column else { return nil }
        return SourceLocation(file: f, line: n, column: c)
    }

    static func write(_ tree: CanonicalTree, to out: inout [UInt8]) throws {
        switch tree {
        case .string(let s): string(s, to: &out)
        case .int(let i): int(i, to: &out)
        case .bool(let b): out.append(contentsOf: b ? trueBytes : falseBytes)
        case .null: out.append(contentsOf: nullBytes)
        case .fragment(let bytes): out.append(contentsOf: bytes)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (n, item) in a.items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (n, i) in try order(o.keys, by: .jsonSerialization).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                string(o.keys[i], to: &out)
                out.append(UInt8(ascii: ":"))
                try write(o.values[i], to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// `JSONWriter.serializeString` of swift-corelibs-foundation, over UTF-8 (a scalar's bytes are
    /// all at least 0x80 unless it is ASCII, so the escapes fall on the same characters).
    static func string(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case 0x22:
                out.append(0x5C)
                out.append(0x22)
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x08:
                out.append(0x5C)
                out.append(UInt8(ascii: "b"))
            case 0x0C:
                out.append(0x5C)
                out.append(UInt8(ascii: "f"))
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(0x5C)
                out.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                out.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)],
                ])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The decimal digits of `i` (`Int.description`).
    static func int(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[n] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                n += 1
            } while m > 0
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(buf[k]) }
        }
    }

    enum Ordering: Hashable { case string, jsonSerialization }

    private struct OrderKey: Hashable {
        let keys: [String]
        let ordering: Ordering
    }
    private static let orders = Mutex<[OrderKey: [Int]]>([:])

    /// The positions of `keys` in the given order; each distinct list is sorted once per process.
    ///
    /// Throws `NeedsReference` for a list with a key that is not all ASCII (the IR's keys are its
    /// field and case names): for such keys `JSONSerialization`'s comparison is not always a total
    /// order (U+0663 ARABIC-INDIC DIGIT THREE collates as a digit in ICU but not in CoreFoundation's
    /// numeric prefix pass), so its output then depends on its dictionary's hash order, and a key
    /// holding U+FEFF is read back changed (see `CanonicalEncoder.string`).
    static func order(_ keys: [String], by ordering: Ordering) throws -> [Int] {
        let key = OrderKey(keys: keys, ordering: ordering)
        if let known = orders.withLock({ $0[key] }) { return known }
        for k in keys where !k.utf8.allSatisfy({ $0 < 0x80 }) { throw NeedsReference() }
        let sorted: [Int]
        switch ordering {
        case .string: sorted = keys.indices.sorted { keys[$0] < keys[$1] }
        case .jsonSerialization: sorted = keys.indices.sorted { jsonSerializationPrecedes(keys[$0], keys[$1]) }
        }
        orders.withLock { $0[key] = sorted }
        return sorted
    }

    /// The key comparison of `JSONSerialization`'s `.sortedKeys` (swift-corelibs-foundation,
    /// `JSONWriter.serializeDictionary`), written the same way.
    static func jsonSerializationPrecedes(_ a: String, _ b: String) -> Bool {
        let options: NSString.CompareOptions = [.numeric, .caseInsensitive, .forcedOrdering]
        let range: Range<String.Index> = a.startIndex..<a.endIndex
        let locale = NSLocale.system
        return a.compare(b, options: options, range: range, locale: locale) == .orderedAscending
    }
}
