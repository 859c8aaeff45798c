import Foundation

/// A JSON value as `CanonicalEncoder` builds it, before `CanonicalWriter` strips the locations
/// and writes the canonical bytes. Objects and arrays are references so that nested containers
/// can be filled after they were handed out, as `Encoder` requires.
enum CanonicalTree {
    case string(String)
    /// An integer that `JSONSerialization` reads back and writes as its own decimal digits.
    case int(Int)
    case bool(Bool)
    case null
    /// A value serialized by the reference pipeline (`Canonical.stripped` then `Canonical.data`):
    /// numbers `JSONSerialization` does not read back as the same integer, floating point, and
    /// the types `JSONEncoder` encodes specially (`Date`, `Data`, `URL`, `Decimal`).
    case fragment([UInt8])
    case object(Object)
    case array(List)

    /// Keys in the order they were first encoded; encoding a key again replaces its value.
    final class Object {
        var keys: [String] = []
        var values: [CanonicalTree] = []
        private var index: [String: Int]?

        func set(_ key: String, _ value: CanonicalTree) {
            if let i = position(of: key) {
                values[i] = value
                return
            }
            keys.append(key)
            values.append(value)
            index?[key] = keys.count - 1
        }

        func position(of key: String) -> Int? {
            if let index { return index[key] }
            if keys.count < 16 { return keys.firstIndex(of: key) }
            var built: [String: Int] = [:]
            for (i, k) in keys.enumerated() { built[k] = i }
            index = built
            return built[key]
        }

        subscript(key: String) -> CanonicalTree? { position(of: key).map { values[$0] } }

        func remove(at i: Int) {
            keys.remove(at: i)
            values.remove(at: i)
            index = nil
        }
    }

    final class List {
        var items: [CanonicalTree] = []
    }
}
