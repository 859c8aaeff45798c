// The IR JSON the spec program writes. The DSL builds RecovIR values and encodes them with the
// IR's own Codable (one wire schema); this file is the standard-library-only JSON writer that
// Codable encodes into (Foundation's JSONEncoder is not available to the DSL).
import RecovIR

/// A JSON value with ordered object keys.
enum JSON: Sendable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    /// Renders compact JSON.
    func render(into out: inout String) {
        switch self {
        case .int(let v): out += String(v)
        case .bool(let v): out += v ? "true" : "false"
        case .null: out += "null"
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSON.escape(k, into: &out)
                out += ":"
                v.render(into: &out)
            }
            out += "}"
        }
    }

    var rendered: String {
        var s = ""
        render(into: &s)
        return s
    }

    static let hexDigits: [Character] = Array("0123456789abcdef")

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let v = Int(scalar.value)
                    out += "\\u00"
                    out.append(hexDigits[v >> 4])
                    out.append(hexDigits[v & 0xF])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `value` encoded through its `Encodable` conformance (the IR's own wire format), keys in
    /// the order the encoder writes them.
    static func encoding<T: Encodable>(_ value: T) throws -> JSON {
        let root = JSONSlot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        return root.json
    }
}

// MARK: - A minimal Encoder over JSON values

/// A place an encoder writes one JSON value into; containers share it by reference.
private final class JSONSlot {
    enum Content {
        case empty
        case value(JSON)
        case object([(String, JSONSlot)])
        case array([JSONSlot])
    }
    var content: Content = .empty

    var json: JSON {
        switch content {
        case .empty: return .object([])
        case .value(let v): return v
        case .object(let pairs): return .object(pairs.map { ($0.0, $0.1.json) })
        case .array(let items): return .array(items.map(\.json))
        }
    }

    /// A new slot for `key` (replacing an earlier value under the same key).
    func child(forKey key: String) -> JSONSlot {
        var pairs: [(String, JSONSlot)] = []
        if case .object(let existing) = content { pairs = existing }
        let slot = JSONSlot()
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = slot } else { pairs.append((key, slot)) }
        content = .object(pairs)
        return slot
    }

    /// A new slot at the end of this array.
    func appended() -> JSONSlot {
        var items: [JSONSlot] = []
        if case .array(let existing) = content { items = existing }
        let slot = JSONSlot()
        items.append(slot)
        content = .array(items)
        return slot
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct SlotEncoder: Encoder {
    let slot: JSONSlot
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

/// Writes one value into `slot`: the JSON scalars the IR uses, or any `Encodable` through its
/// own `encode(to:)`. Other number types are rejected (the IR has none).
private func write<T: Encodable>(_ value: T, into slot: JSONSlot, codingPath: [CodingKey]) throws {
    switch value {
    case let v as String: slot.content = .value(.string(v))
    case let v as Int: slot.content = .value(.int(v))
    case let v as Bool: slot.content = .value(.bool(v))
    default: try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}

private func unsupported(_ value: Any, _ codingPath: [CodingKey]) -> EncodingError {
    EncodingError.invalidValue(
        value,
        EncodingError.Context(
            codingPath: codingPath,
            debugDescription: "the IR has no \(type(of: value)) values"))
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONSlot
    var codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .value(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(try exact(value, key), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(Int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(try exact(value, key), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

    private func put<T: Encodable>(_ value: T, _ key: Key) throws {
        try write(value, into: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    private func exact<T: BinaryInteger>(_ value: T, _ key: Key) throws -> Int {
        guard let v = Int(exactly: value) else { throw unsupported(value, codingPath + [key]) }
        return v
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(
            keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: JSONSlot
    var codingPath: [CodingKey]
    var count: Int { slot.count }

    private var nextKey: CodingKey { AnyKey(intValue: count) }

    mutating func encodeNil() throws { slot.appended().content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        try write(value, into: slot.appended(), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let key = nextKey
        return SlotEncoder(slot: slot.appended(), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let key = nextKey
        return SlotEncoder(slot: slot.appended(), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let key = nextKey
        return SlotEncoder(slot: slot.appended(), codingPath: codingPath + [key])
    }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: JSONSlot
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, into: slot, codingPath: codingPath) }
}
