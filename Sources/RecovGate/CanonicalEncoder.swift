import Foundation

/// An `Encoder` that builds a `CanonicalTree`: the value `JSONEncoder` would write, as
/// `JSONSerialization` would read it back, without writing or parsing any text.
///
/// It follows `JSONEncoder`'s rules where they show in the output: a key encoded twice keeps
/// the last value, a value that encodes nothing is `{}`, a container asked for twice is the same
/// container, and `Date`, `Data`, `URL`, `Decimal` and floating point values (which
/// `JSONEncoder` writes its own way) are serialized by the reference pipeline itself
/// (`CanonicalTree.fragment`), as are integers `JSONSerialization` would not read back as the
/// same `Int`.
final class CanonicalEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var value: CanonicalTree?

    /// The tree of `value`.
    static func tree<T: Encodable>(_ value: T) throws -> CanonicalTree {
        if T.self == String.self { return try string(value as! String) }
        if T.self == Int.self { return try int(value as! Int) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self
        {
            return try fragment(value)
        }
        let encoder = CanonicalEncoder()
        try value.encode(to: encoder)
        return encoder.value ?? .object(CanonicalTree.Object())
    }

    /// The tree of the whole value: as `tree`, but a value that encodes nothing is an error for
    /// `JSONEncoder` at the top level (left to the reference pipeline, which throws it).
    static func topLevel<T: Encodable>(_ value: T) throws -> CanonicalTree {
        if T.self == String.self || T.self == Int.self || T.self == Bool.self { return try tree(value) }
        let encoder = CanonicalEncoder()
        try value.encode(to: encoder)
        guard let tree = encoder.value else { throw CanonicalWriter.NeedsReference() }
        return tree
    }

    /// A string, unless it holds U+FEFF: `JSONSerialization` reads strings with
    /// `String(bytes:encoding: .utf8)`, piece by piece between escapes, and that drops a byte order
    /// mark at the start of each piece (which pieces depends on `JSONEncoder`'s escapes), so the
    /// reference pipeline handles such a value whole.
    static func string(_ s: String) throws -> CanonicalTree {
        try check(s)
        return .string(s)
    }

    /// Throws `NeedsReference` when `s` holds U+FEFF (UTF-8 EF BB BF).
    static func check(_ s: String) throws {
        var utf8 = s.utf8.makeIterator()
        while let b = utf8.next() {
            if b == 0xEF, utf8.next() == 0xBB, utf8.next() == 0xBF { throw CanonicalWriter.NeedsReference() }
        }
    }

    /// The smallest integer whose decimal text `JSONSerialization` reads as an `Int64`: it reads a
    /// negative integer of more than 19 characters (the sign counts) as a decimal or floating point
    /// number, which it may write back differently.
    static let smallestExactInt = -999_999_999_999_999_999

    static func int<T: BinaryInteger & Encodable>(_ v: T) throws -> CanonicalTree {
        if let i = Int(exactly: v), i >= smallestExactInt { return .int(i) }
        return try fragment(v)
    }

    /// `value` through the reference pipeline, for the values this encoder does not reproduce itself.
    static func fragment<T: Encodable>(_ value: T) throws -> CanonicalTree {
        .fragment(Array(try Canonical.data(Canonical.stripped(value).object)))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let o)? = value { return KeyedEncodingContainer(Keyed(object: o)) }
        let o = CanonicalTree.Object()
        value = .object(o)
        return KeyedEncodingContainer(Keyed(object: o))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let a)? = value { return Unkeyed(array: a) }
        let a = CanonicalTree.List()
        value = .array(a)
        return Unkeyed(array: a)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    /// An encoder whose result lands in a container's slot once it is done (`superEncoder`).
    final class Deferred: Encoder {
        let inner = CanonicalEncoder()
        let store: (CanonicalTree) -> Void
        init(store: @escaping (CanonicalTree) -> Void) {
            self.store = store
            // What an encoder that encodes nothing leaves: an empty object, filled in place later.
            let o = CanonicalTree.Object()
            inner.value = .object(o)
            store(.object(o))
        }
        var codingPath: [any CodingKey] { inner.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            inner.container(keyedBy: type)
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let c = inner.unkeyedContainer()
            if let v = inner.value { store(v) }
            return c
        }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: inner, then: store) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: CanonicalTree.Object
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.string(value))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: Int8, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: Int16, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: Int32, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: UInt, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: UInt8, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.int(value))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.fragment(value))
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.fragment(value))
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.set(key.stringValue, try CanonicalEncoder.tree(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            if case .object(let o)? = object[key.stringValue] {
                return KeyedEncodingContainer(Keyed<NestedKey>(object: o))
            }
            let o = CanonicalTree.Object()
            object.set(key.stringValue, .object(o))
            return KeyedEncodingContainer(Keyed<NestedKey>(object: o))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            if case .array(let a)? = object[key.stringValue] { return Unkeyed(array: a) }
            let a = CanonicalTree.List()
            object.set(key.stringValue, .array(a))
            return Unkeyed(array: a)
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }
        private func superEncoder(named name: String) -> any Encoder {
            let object = self.object
            return Deferred { object.set(name, $0) }
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let array: CanonicalTree.List
        var codingPath: [any CodingKey] { [] }
        var count: Int { array.items.count }

        mutating func encodeNil() throws { array.items.append(.null) }
        mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
        mutating func encode(_ value: String) throws { array.items.append(try CanonicalEncoder.string(value)) }
        mutating func encode(_ value: Int) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int8) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int16) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int32) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int64) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt8) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt16) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt32) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt64) throws { array.items.append(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Double) throws { array.items.append(try CanonicalEncoder.fragment(value)) }
        mutating func encode(_ value: Float) throws { array.items.append(try CanonicalEncoder.fragment(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try CanonicalEncoder.tree(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
            NestedKey
        > {
            let o = CanonicalTree.Object()
            array.items.append(.object(o))
            return KeyedEncodingContainer(Keyed<NestedKey>(object: o))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let a = CanonicalTree.List()
            array.items.append(.array(a))
            return Unkeyed(array: a)
        }

        mutating func superEncoder() -> any Encoder {
            let array = self.array
            let slot = array.items.count
            array.items.append(.null)
            return Deferred { array.items[slot] = $0 }
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: CanonicalEncoder
        var then: ((CanonicalTree) -> Void)? = nil
        var codingPath: [any CodingKey] { [] }

        private func put(_ v: CanonicalTree) {
            encoder.value = v
            then?(v)
        }
        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ value: Bool) throws { put(.bool(value)) }
        mutating func encode(_ value: String) throws { put(try CanonicalEncoder.string(value)) }
        mutating func encode(_ value: Int) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int8) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int16) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int32) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Int64) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt8) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt16) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt32) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: UInt64) throws { put(try CanonicalEncoder.int(value)) }
        mutating func encode(_ value: Double) throws { put(try CanonicalEncoder.fragment(value)) }
        mutating func encode(_ value: Float) throws { put(try CanonicalEncoder.fragment(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { put(try CanonicalEncoder.tree(value)) }
    }
}
