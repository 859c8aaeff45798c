import Foundation
import RecovCheck
import RecovIR
import RecovLoader
import Testing

@testable import RecovGate

/// `Canonical.encode` must give byte for byte what the reference pipeline gives
/// (`Canonical.data(Canonical.stripped(v).object)`: `JSONEncoder`, then `JSONSerialization` with
/// sorted keys), and the same locations in the same order: approval lock files and result caches
/// hold hashes of these bytes.
private func expectSameAsReference<T: Encodable>(
    _ value: T, _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let reference = try Canonical.stripped(value)
    let referenceData = try Canonical.data(reference.object)
    let fast = try Canonical.encode(value)
    #expect(
        fast.data == referenceData,
        comment
            ?? "\(String(decoding: fast.data, as: UTF8.self))\n!=\n\(String(decoding: referenceData, as: UTF8.self))",
        sourceLocation: sourceLocation)
    #expect(fast.locations == reference.locations, comment, sourceLocation: sourceLocation)
}

/// A JSON value with its own `Encodable`: objects as keyed containers with arbitrary keys.
private indirect enum Value: Encodable {
    case string(String)
    case int(Int)
    case int64(Int64)
    case uint64(UInt64)
    case int8(Int8)
    case double(Double)
    case bool(Bool)
    case null
    case array([Value])
    case object([(String, Value)])
    case date(Date)
    case data(Data)
    case url(URL)
    case decimal(Decimal)
    case nothing  // encodes no container at all

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .object(let pairs):
            var c = encoder.container(keyedBy: Key.self)
            for (k, v) in pairs { try c.encode(v, forKey: Key(k)) }
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for v in items { try c.encode(v) }
        case .nothing: break
        default:
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s): try c.encode(s)
            case .int(let i): try c.encode(i)
            case .int64(let i): try c.encode(i)
            case .uint64(let i): try c.encode(i)
            case .int8(let i): try c.encode(i)
            case .double(let d): try c.encode(d)
            case .bool(let b): try c.encode(b)
            case .null: try c.encodeNil()
            case .date(let d): try c.encode(d)
            case .data(let d): try c.encode(d)
            case .url(let u): try c.encode(u)
            case .decimal(let d): try c.encode(d)
            default: break
            }
        }
    }
}

/// Strings and keys the ordering and escaping could get wrong.
private let trickyStrings: [String] = [
    "", " ", "a", "A", "b", "B", "Z", "_", "-", "a_b", "aB", "a-b", "ab", "a b", "a.b", "a/b", "/", "//", "\\", "\"",
    "'",
    "a1", "a01", "a001", "a2", "a10", "a9", "A10", "a10b", "10", "9", "010", "1a", "-1", "+1", "1.5",
    "18446744073709551616",
    "99999999999999999999999", "x99999999999999999999", "loc", "Loc", "LOC", "loc ", "file", "line", "column",
    "é", "e", "E", "è", "ê", "e\u{301}", "ß", "ss", "SS", "ﬀ", "ff", "ı", "I", "i", "İ", "Å", "Å", "æ", "ae", "ø", "o",
    "日本", "本日", "中文", "한국어", "Ελληνικά", "русский", "עברית", "العربية", "😀", "👍🏽", "a😀b", "\u{200B}", "\u{FEFF}x",
    "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", "\u{F}", "\u{10}", "\u{1B}", "\u{1F}",
    "\u{7F}",
    "\u{80}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "tab\there", "line\nbreak", "cr\r\n", "quote\"in\\side",
    "</script>", "a\u{0}b", "ｆｕｌｌ", "full", "①", "1", "٣", "3", "Ⅻ", "12",
]

/// The ASCII ones, as keys: objects with other keys go to the reference pipeline whole (see `keysSortLikeJSONSerialization`).
private let asciiKeys = trickyStrings.filter { $0.utf8.allSatisfy { $0 < 0x80 } }

private let trickyInts: [Int] = [
    0, 1, -1, 9, 10, -10, 255, -256, 1 << 31, -(1 << 31), 1 << 53, (1 << 53) + 1, -(1 << 53) - 1,
    999_999_999_999_999_999, -999_999_999_999_999_999, -1_000_000_000_000_000_000,
    Int.max, Int.max - 1, Int.min, Int.min + 1,
]

@Suite struct CanonicalEncoderTests {
    @Test func scalarsAndStrings() throws {
        for s in trickyStrings {
            try expectSameAsReference(Value.string(s), "string \(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for i in trickyInts { try expectSameAsReference(Value.int(i), "int \(i)") }
        for i: Int64 in [.max, .min, 0, -5] { try expectSameAsReference(Value.int64(i)) }
        for u: UInt64 in [.max, UInt64(Int.max), UInt64(Int.max) + 1, 0, 10_000_000_000_000_000_000] {
            try expectSameAsReference(Value.uint64(u), "uint64 \(u)")
        }
        for i: Int8 in [.min, .max, 0] { try expectSameAsReference(Value.int8(i)) }
        for d in [
            0.0, -0.0, 1.0, 2.0, 1.5, 0.1, -3.25, 1e300, 1e-300, 123456789.125, Double(Int.max),
            Double.leastNonzeroMagnitude,
        ] {
            try expectSameAsReference(Value.double(d), "double \(d)")
        }
        // A value that encodes nothing is an error at the top level, on both paths.
        #expect(throws: (any Error).self) { try Canonical.stripped(Value.nothing) }
        #expect(throws: (any Error).self) { try Canonical.encode(Value.nothing) }
        for v in [
            Value.bool(true), .bool(false), .null, .array([]), .object([]), .array([.array([])]),
            .array([.object([])]), .object([("a", .array([]))]), .object([("a", .object([]))]), .array([.nothing]),
            .date(Date(timeIntervalSince1970: 1_700_000_000.5)), .data(Data([0, 1, 2, 250])),
            .url(URL(string: "https://x.y/a?b=c")!),
            .decimal(Decimal(string: "12.345")!),
        ] {
            try expectSameAsReference(v, "\(v)")
        }
    }

    @Test func keysSortLikeJSONSerialization() throws {
        // All the ASCII tricky keys in one object, in two different insertion orders. (Objects with
        // other keys go to the reference pipeline whole: for them JSONSerialization's comparison is
        // not a total order, so its output depends on its dictionary's hash order, see
        // `CanonicalWriter.order`, and two reference runs can differ.)
        let keys = asciiKeys
        let pairs = keys.enumerated().map { ($0.element, Value.int($0.offset)) }
        try expectSameAsReference(Value.object(pairs))
        try expectSameAsReference(Value.object(pairs.reversed()))
        // Every pair on its own, so one bad comparison shows up.
        for a in keys {
            for b in keys where a < b {
                try expectSameAsReference(
                    Value.object([(a, .int(1)), (b, .int(2))]), "keys \(a.debugDescription) \(b.debugDescription)")
            }
        }
        try expectSameAsReference(
            Value.object([
                ("\u{FEFF}x", .int(1)), ("x", .int(2)),
                ("\u{FEFF}loc", .object([("file", .string("f")), ("line", .int(1)), ("column", .int(2))])),
            ]))
        try expectSameAsReference(Value.object([("a", .string("/\u{FEFF}b")), ("b", .string("\u{FEFF}"))]))
        // On ASCII keys the comparison is a strict total order, so sorting with it has one answer.
        let less = CanonicalWriter.jsonSerializationPrecedes
        for a in keys {
            #expect(!less(a, a))
            for b in keys where a != b {
                #expect(less(a, b) != less(b, a), "\(a.debugDescription) \(b.debugDescription)")
                if less(a, b) {
                    for c in keys where less(b, c) {
                        #expect(less(a, c), "\(a.debugDescription) < \(b.debugDescription) < \(c.debugDescription)")
                    }
                }
            }
        }
        // A key encoded twice keeps its last value.
        try expectSameAsReference(Value.object([("k", .int(1)), ("j", .int(0)), ("k", .string("last"))]))
    }

    @Test func locationsAreStrippedLikeTheReference() throws {
        func loc(_ file: Value, _ line: Value, _ column: Value) -> Value {
            .object([("file", file), ("line", line), ("column", column)])
        }
        let cases: [Value] = [
            .object([("loc", loc(.string("/a.swift"), .int(3), .int(4))), ("name", .string("x"))]),
            .object([("loc", .string("not a location")), ("b", .int(1))]),
            .object([("loc", .object([("file", .string("f")), ("line", .int(1))]))]),  // no column: kept
            .object([("loc", loc(.int(1), .int(2), .int(3)))]),  // file not a string: kept
            .object([("loc", loc(.string("f"), .bool(true), .int(3)))]),  // a boolean line
            .object([("loc", loc(.string("f"), .double(2.5), .int(3)))]),  // a fractional line
            .object([("loc", loc(.string("f"), .int(Int.min), .int(3)))]),  // a line JSONSerialization reads as a decimal
            .object([
                ("loc", .object([("file", .string("f")), ("line", .int(1)), ("column", .int(2)), ("extra", .null)]))
            ]),
            .object([
                ("Loc", loc(.string("f"), .int(1), .int(2))),
                ("z", .object([("loc", loc(.string("g"), .int(5), .int(6)))])),
                (
                    "a",
                    .array([
                        .object([("loc", loc(.string("h"), .int(7), .int(8)))]),
                        .object([("loc", loc(.string("i"), .int(9), .int(10)))]),
                    ])
                ),
                ("loc", loc(.string("top"), .int(0), .int(0))),
                ("B", .object([("loc", loc(.string("j"), .int(11), .int(12)))])),
            ]),
            .array([.object([("loc", loc(.string("only"), .int(1), .int(1)))])]),
        ]
        for v in cases { try expectSameAsReference(v, "\(v)") }
    }

    /// Random values: nesting, empties, tricky keys, strings and numbers mixed (a fixed seed).
    @Test func randomValuesMatchTheReference() throws {
        var rng = SplitMix(seed: 20_261_203)
        func value(_ depth: Int) -> Value {
            let pick = Int(rng.next() % (depth > 3 ? 6 : 9))
            switch pick {
            case 0: return .string(trickyStrings[Int(rng.next() % UInt64(trickyStrings.count))])
            case 1: return .int(trickyInts[Int(rng.next() % UInt64(trickyInts.count))])
            case 2: return .int(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64))
            case 3: return .bool(rng.next() % 2 == 0)
            case 4: return rng.next() % 4 == 0 ? .double(Double(Int(rng.next() % 2000)) / 8 - 100) : .null
            case 5:
                return .string(
                    String(
                        String.UnicodeScalarView(
                            (0..<Int(rng.next() % 6)).compactMap { _ in
                                Unicode.Scalar(UInt32(rng.next() % 0x3000))
                            })))
            case 6, 7:
                let n = Int(rng.next() % 6)
                var pairs: [(String, Value)] = []
                for _ in 0..<n {
                    let key = rng.next() % 5 == 0 ? "loc" : asciiKeys[Int(rng.next() % UInt64(asciiKeys.count))]
                    if key == "loc" && rng.next() % 2 == 0 {
                        pairs.append(
                            (
                                key,
                                .object([
                                    ("file", .string("f\(rng.next() % 9)")), ("line", .int(Int(rng.next() % 99))),
                                    ("column", .int(Int(rng.next() % 99))),
                                ])
                            ))
                    } else {
                        pairs.append((key, value(depth + 1)))
                    }
                }
                return .object(pairs)
            default:
                return .array((0..<Int(rng.next() % 5)).map { _ in value(depth + 1) })
            }
        }
        for i in 0..<400 {
            let v = value(0)
            try expectSameAsReference(v, "random value \(i): \(v)")
        }
    }

    /// The IR of every shipped spec: each procedure with its model and incident, and the whole program.
    @Test func shippedSpecsMatchTheReference() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let program = try await Loader().load(paths: [root + "/specs"])
        #expect(program.procedures.count >= 20)
        let canonical = await CanonicalIR(program: program)
        for p in program.procedures {
            let ir = try #require(ProcedureIR(program: program, procedure: p))
            try expectSameAsReference(ir, "procedure \(p.name)")
            #expect(
                canonical.entries[p.name]?.hash
                    == Canonical.sha256(try Canonical.data(Canonical.stripped(ir).object)))
        }
        try expectSameAsReference(program)
        try expectSameAsReference(CheckOptions(depth: 7, timeoutSeconds: 1.5))
    }

    /// The fuzz corpus's IR files that decode (odd names, huge and negative numbers).
    @Test func fuzzCorpusMatchesTheReference() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus")
        var decoded = 0
        for f in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where f.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(f).path),
                let program = try? JSONDecoder().decode(Program.self, from: data)
            else { continue }
            decoded += 1
            try expectSameAsReference(program, "\(f)")
            for p in program.procedures {
                if let ir = ProcedureIR(program: program, procedure: p) {
                    try expectSameAsReference(ir, "\(f) \(p.name)")
                }
            }
        }
        #expect(decoded > 5)
    }

    @Test func oneCanonicalizationForCacheAndApprovals() async throws {
        let loc = SourceLocation(file: "/a.swift", line: 1, column: 1)
        let trigger = Assertion(name: "t", expr: .bool(true), loc: loc)
        var program = Program(
            models: [Model(name: "M", loc: loc)], incidents: [Incident(name: "I", model: "M", loc: loc)],
            procedures: [Procedure(name: "P", model: "M", incident: "I", trigger: trigger, loc: loc)])
        let c = await CanonicalIR.of(program)
        let ir = try #require(ProcedureIR(program: program, procedure: program.procedures[0]))
        #expect(c.entries["P"]?.hash == Canonical.sha256(try Canonical.data(Canonical.stripped(ir).object)))
        #expect(try await Approvals.hashes(program) == ["P": c.entries["P"]!.hash])
        let keys = await ResultCache(directory: "/nonexistent", toolVersion: "t").keys(
            for: [CheckJob(procedure: "P", rule: .sanity)],
            program: program, options: CheckOptions())
        #expect(keys.locations["P"] == c.entries["P"]?.locations)
        program.procedures.append(Procedure(name: "Q", model: "Nope", incident: "I", trigger: trigger, loc: loc))
        await #expect(throws: GateError.self) { try await Approvals.hashes(program) }
        #expect(await CanonicalIR.of(program).failures["Q"] != nil)
    }
}

/// A small deterministic generator (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
