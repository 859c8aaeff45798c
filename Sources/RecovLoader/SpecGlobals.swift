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
        let extended: String? =
            stem == module ? nil : stem.hasPrefix(module + "@") ? String(stem.dropFirst(module.count + 1)) : nil
        if stem != module && extended == nil { continue }
        guard let data = FileManager.default.contents(atPath: dir + "/" + name),
            let graph = try? JSONDecoder().decode(SymbolGraph.self, from: data)
        else {
            throw LoaderError.unreadableSymbolGraph(file: name)
        }
        let byID = Dictionary(graph.symbols.map { ($0.identifier.precise, $0) }, uniquingKeysWith: { a, _ in a })
        var parentOf: [String: String] = [:]
        for r in graph.relationships where r.kind == "memberOf" { parentOf[r.source] = r.target }

        for s in graph.symbols where s.kind.identifier == "swift.var" || s.kind.identifier == "swift.type.property" {
            guard let loc = s.location, let url = URL(string: loc.uri), url.isFileURL else { continue }
            // The graph also lists local variables (e.g. `let amount = ctx.int(...)` inside a
            // closure) as global ones; only a true global's mangled name is the module's name,
            // then its own, then no local-entity marker (`L_`, `L0_`, ...).
            if s.kind.identifier == "swift.var"
                && !isModuleLevel(usr: s.identifier.precise, module: module, name: s.pathComponents.last ?? "")
            {
                continue
            }
            if s.availability?.contains(where: { $0.isUnconditionallyUnavailable == true }) == true { continue }
            if s.swiftGenerics?.parameters?.isEmpty == false { continue }
            let keywords = Set(s.declarationFragments?.filter { $0.kind == "keyword" }.map(\.spelling) ?? [])
            if keywords.contains("throws") || keywords.contains("async") {
                // Such a property cannot be read by the generated main; one whose type mentions
                // `Procedure` may hold procedures made by a helper that other globals also call,
                // which the call-site check cannot see: an error, never a silent skip.
                if s.declarationFragments?.contains(where: { $0.preciseIdentifier == procedureTypeUSR }) == true {
                    throw Diagnostic(
                        "recovcheck cannot read '\(s.pathComponents.joined(separator: "."))', a throwing or async property, so the procedures it holds would not be checked: make it a plain `let` or `var`",
                        at: SourceLocation(
                            file: url.path, line: loc.position.line + 1, column: loc.position.character + 1))
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
                        if p.kind.identifier == "swift.protocol" || p.swiftGenerics?.parameters?.isEmpty == false {
                            ok = false
                            break
                        }
                        if let ext = p.swiftExtension, ext.typeKind == "swift.protocol" {
                            ok = false
                            break
                        }
                    }
                    cursor = parentOf[id]
                }
                if !ok { continue }
            }
            let quoted = s.pathComponents.map { "`\($0)`" }.joined(separator: ".")
            // The declared (or inferred) type is the fragments after the name's colon: exactly
            // `Procedure` (not an optional, array or tuple of one).
            let fragments = s.declarationFragments ?? []
            let typeFragments =
                fragments.split(whereSeparator: { $0.kind == "text" && $0.spelling.contains(":") }).dropFirst().first
                .map(Array.init) ?? []
            let holdsProcedure = typeFragments.count == 1 && typeFragments[0].preciseIdentifier == procedureTypeUSR
            out.append(
                SpecGlobal(
                    reference: (extended ?? module) + "." + quoted, module: extended,
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
