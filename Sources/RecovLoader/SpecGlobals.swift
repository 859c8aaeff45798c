import Foundation
import RecovIR

/// A global or static property of the spec module whose initializer the spec program must run:
/// Swift initializes globals and statics lazily, so a declaration nobody reads would never
/// construct (and register) its procedures.
struct SpecGlobal: Equatable {
    /// The Swift expression that reads it from another module, e.g. ``RecovSpec.`E`.`ps` ``.
    var reference: String
    /// A module the reference needs imported besides RecovSpec (an extended type's module).
    var module: String?
    /// Absolute path of the declaring file.
    var file: String
    /// 1-based line and column of the declaration.
    var line: Int
    var column: Int
    /// The name as written, for messages (`E.ps`).
    var displayName: String
    /// Whether its type is RecovDSL's `Procedure`: the spec program then tells the DSL where the
    /// procedure it holds is declared (`__recovcheckDeclared`).
    var holdsProcedure = false
}

/// The symbol graph's precise identifier of RecovDSL's `Procedure` type.
let procedureTypeUSR = "s:8RecovDSL9ProcedureV"

/// Reads the symbol graphs swiftc wrote for the spec module (`-emit-symbol-graph`, every access
/// level) and lists every global variable and static property a program can read: those of
/// protocols, generic types, throwing/async getters or unavailable ones are skipped (they hold no
/// stored value a spec could declare a procedure in).
func specGlobals(symbolGraphDirectory dir: String, module: String) throws -> [SpecGlobal] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    var out: [SpecGlobal] = []
    for name in files.sorted() where name.hasSuffix(".symbols.json") {
        // `RecovSpec.symbols.json` for the module's own symbols, `RecovSpec@X.symbols.json` for
        // extensions of module X's types.
        let stem = String(name.dropLast(".symbols.json".count))
        let extended: String? = stem == module ? nil : stem.hasPrefix(module + "@") ? String(stem.dropFirst(module.count + 1)) : nil
        if stem != module && extended == nil { continue }
        guard let data = FileManager.default.contents(atPath: dir + "/" + name),
              let graph = try? JSONDecoder().decode(SymbolGraph.self, from: data) else {
            throw SymbolGraphError(file: name)
        }
        let byID = Dictionary(graph.symbols.map { ($0.identifier.precise, $0) }, uniquingKeysWith: { a, _ in a })
        var parentOf: [String: String] = [:]
        for r in graph.relationships where r.kind == "memberOf" { parentOf[r.source] = r.target }

        for s in graph.symbols where s.kind.identifier == "swift.var" || s.kind.identifier == "swift.type.property" {
            guard let loc = s.location, let url = URL(string: loc.uri), url.isFileURL else { continue }
            // The graph also lists local variables (e.g. `let amount = ctx.int(...)` inside a
            // closure) as global ones; only a true global's mangled name is the module's name,
            // then its own, then no local-entity marker (`L_`, `L0_`, ...).
            if s.kind.identifier == "swift.var" && !isModuleLevel(usr: s.identifier.precise, module: module, name: s.pathComponents.last ?? "") {
                continue
            }
            if s.availability?.contains(where: { $0.isUnconditionallyUnavailable == true }) == true { continue }
            if s.swiftGenerics?.parameters?.isEmpty == false { continue }
            let keywords = Set(s.declarationFragments?.filter { $0.kind == "keyword" }.map(\.spelling) ?? [])
            if keywords.contains("throws") || keywords.contains("async") {
                // Such a property cannot be read by the generated main; one whose type mentions
                // `Procedure` may hold procedures made by a helper that other globals also call,
                // which the call-site check cannot see: an error, never a silent skip.
                if let fragments = s.declarationFragments, fragments.contains(where: { $0.preciseIdentifier == procedureTypeUSR }),
                   let loc = s.location, let url = URL(string: loc.uri), url.isFileURL {
                    throw Diagnostic("recovcheck cannot read '\(s.pathComponents.joined(separator: "."))', a throwing or async property, so the procedures it holds would not be checked: make it a plain `let` or `var`",
                                     at: SourceLocation(file: url.path, line: loc.position.line + 1, column: loc.position.character + 1))
                }
                continue
            }
            if s.kind.identifier == "swift.type.property" {
                if let ext = s.swiftExtension, ext.typeKind == "swift.protocol" { continue }
                // Walk up the enclosing types: none may be a protocol or generic.
                var ok = true
                var cursor = parentOf[s.identifier.precise]
                while let id = cursor {
                    if let p = byID[id] {
                        if p.kind.identifier == "swift.protocol" || p.swiftGenerics?.parameters?.isEmpty == false { ok = false; break }
                        if let ext = p.swiftExtension, ext.typeKind == "swift.protocol" { ok = false; break }
                    }
                    cursor = parentOf[id]
                }
                if !ok { continue }
            }
            let quoted = s.pathComponents.map { "`\($0)`" }.joined(separator: ".")
            // The declared (or inferred) type is the fragments after the name's colon: exactly
            // `Procedure` (not an optional, array or tuple of one).
            let fragments = s.declarationFragments ?? []
            let typeFragments = fragments.split(whereSeparator: { $0.kind == "text" && $0.spelling.contains(":") }).dropFirst().first.map(Array.init) ?? []
            let holdsProcedure = typeFragments.count == 1 && typeFragments[0].preciseIdentifier == procedureTypeUSR
            out.append(SpecGlobal(reference: (extended ?? module) + "." + quoted, module: extended,
                                  file: url.path, line: loc.position.line + 1, column: loc.position.character + 1,
                                  displayName: s.pathComponents.joined(separator: "."), holdsProcedure: holdsProcedure))
        }
    }
    // Source order, so procedures are constructed (and reported) in the order they are written.
    return out.sorted { ($0.file, $0.line, $0.column, $0.reference) < ($1.file, $1.line, $1.column, $1.reference) }
}

/// Whether a variable's USR (`s:9RecovSpec2p10A3DSL9ProcedureVvp`) names a module-level variable
/// `name` rather than a local one (`s:9RecovSpec5model...6amountL_...`). The module's name and
/// the variable's are read as Swift mangles identifiers, word substitutions included: a name that
/// repeats a word of the module's name or of itself (`pauseSpec` is `01pB` after `9RecovSpec`)
/// is not spelled out in the USR, and a non-ASCII one is punycoded (`latéProc` is
/// `0011latProc_dya`). A USR this cannot read is not forced; if it declares a procedure, the
/// call-site check reports it.
func isModuleLevel(usr: String, module: String, name: String) -> Bool {
    guard usr.hasPrefix("s:") else { return false }
    var reader = MangledIdentifierReader(Array(usr.utf8.dropFirst(2)))
    guard reader.identifier() == module, reader.identifier() == name else { return false }
    return String(decoding: reader.rest, as: UTF8.self).firstMatch(of: /^L\d*_/) == nil
}

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
                if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { index = Int(c - UInt8(ascii: "a")) }
                else { index = Int(c - UInt8(ascii: "A")); substitutions = false }
                guard index < words.count else { return nil }
                out += words[index]
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "0") { pos += 1; break }
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
            for c in input[..<delimiter] { guard c < 0x80 else { return nil }; output.append(UInt32(c)) }
            p = delimiter + 1
        }
        var n = 128, i = 0, bias = 72
        while p < input.count {
            let oldI = i
            var w = 1, k = 36
            while true {
                guard p < input.count else { return nil }
                let c = input[p]
                p += 1
                let digit: Int
                if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { digit = Int(c - UInt8(ascii: "a")) }
                else if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "J") { digit = Int(c - UInt8(ascii: "A")) + 26 }
                else { return nil }
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
            while delta > 35 * 26 / 2 { delta /= 35; kk += 36 }
            bias = kk + 36 * delta / (delta + 38)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n < 0x11_0000 else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var text = ""
        for v in output { guard let scalar = Unicode.Scalar(v) else { return nil }; text.unicodeScalars.append(scalar) }
        return text
    }

    private mutating func natural() -> Int? {
        var value = 0, digits = 0
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

struct SymbolGraphError: Error, CustomStringConvertible {
    var file: String
    var description: String { "cannot read the symbol graph \(file) swiftc wrote for the specs" }
}

/// The parts of swiftc's symbol graph format (`-emit-symbol-graph`) the loader reads.
struct SymbolGraph: Decodable {
    struct Symbol: Decodable {
        struct Kind: Decodable { var identifier: String }
        struct Identifier: Decodable { var precise: String }
        struct Location: Decodable {
            struct Position: Decodable { var line: Int; var character: Int }
            var uri: String
            var position: Position
        }
        struct Generics: Decodable {
            struct Parameter: Decodable { var name: String }
            var parameters: [Parameter]?
        }
        struct Extension: Decodable { var typeKind: String? }
        struct Fragment: Decodable { var kind: String; var spelling: String; var preciseIdentifier: String? }
        struct Availability: Decodable { var isUnconditionallyUnavailable: Bool? }
        var kind: Kind
        var identifier: Identifier
        var pathComponents: [String]
        var location: Location?
        var swiftGenerics: Generics?
        var swiftExtension: Extension?
        var declarationFragments: [Fragment]?
        var availability: [Availability]?
    }
    struct Relationship: Decodable {
        var kind: String
        var source: String
        var target: String
    }
    var symbols: [Symbol]
    var relationships: [Relationship]
}
