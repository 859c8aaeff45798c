// Emission: collect the declared models, incidents and procedures and write the IR JSON.
import RecovIR

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The IR wire format version this DSL writes (RecovIR's `irVersion`).
public let recovDSLIRVersion = irVersion

/// Renders the IR JSON for every `Model`, `Incident` and `Procedure` among `declarations`
/// (or arrays of them; other values are ignored), including models and incidents that procedures and incidents
/// reference: a `RecovIR.Program` encoded with the IR's own Codable. When the DSL found errors,
/// renders `{"version":1,"diagnostics":[...]}` instead.
public func recovcheckRenderIR(_ declarations: [(String, Any)]) -> String {
    var program = Program()
    var diags: [Diag] = []

    /// Adds `item` unless one of that name is there already (then it must be the same).
    func add<T: Equatable>(
        _ kind: String, _ name: String, _ item: T, _ loc: SourceLocation, _ ownDiags: [Diag],
        expressions: [(Expr, SourceLocation)], into list: inout [T], name nameOf: (T) -> String,
        loc locOf: (T) -> SourceLocation
    ) {
        if let existing = list.first(where: { nameOf($0) == name }) {
            if existing != item {
                // The spec program sees absolute paths; the diagnostic's own location is made
                // relative by the loader, the one in its text is named here without the folder.
                let first = locOf(existing)
                let place =
                    first.file == loc.file
                    ? "line \(first.line):\(first.column)"
                    : "\(first.file.split(separator: "/").last.map(String.init) ?? first.file):\(first.line):\(first.column)"
                diags.append(
                    Diag(
                        loc: loc,
                        message:
                            "\(kind) '\(name)' is declared twice with different content (first at \(place))"))
            }
            return
        }
        list.append(item)
        diags += ownDiags
        if let at = expressions.first(where: { deeper($0.0, than: maxExpressionDepth) })?.1 {
            diags.append(
                Diag(
                    loc: at,
                    message:
                        "expression nested more than \(maxExpressionDepth) operators deep, the limit (combine long sums pairwise, or split the condition)"
                ))
        }
    }
    func addModel(_ m: Model) {
        add(
            "model", m.name, m.ir, m.loc, m.diags, expressions: expressions(in: m.ir), into: &program.models,
            name: \.name, loc: \.loc)
    }
    func addIncident(_ i: Incident) {
        addModel(i.model)
        add(
            "incident", i.name, i.ir, i.loc, i.diags, expressions: expressions(in: i.ir), into: &program.incidents,
            name: \.name, loc: \.loc)
    }

    // Arrays of declarations (`let all = [a, b]`) count too.
    var values: [Any] = []
    for (_, value) in declarations {
        if let list = value as? [Model] {
            values += list.map { $0 as Any }
        } else if let list = value as? [Incident] {
            values += list.map { $0 as Any }
        } else if let list = value as? [Procedure] {
            values += list.map { $0 as Any }
        } else {
            values.append(value)
        }
    }
    for value in values {
        if let m = value as? Model {
            addModel(m)
        } else if let i = value as? Incident {
            addIncident(i)
        } else if let p = value as? Procedure {
            addModel(p.model)
            addIncident(p.incident)
            // Made by a helper: located at the global that holds it, the helper's caller (README).
            var ir = p.ir
            // (Paths compared by file name: the compiler and `#filePath` may spell a folder differently.)
            if let site = Registry.shared.declaration(of: p.serial),
                site.line != p.loc.line || site.file.split(separator: "/").last != p.loc.file.split(separator: "/").last
            {
                ir.createdAt = ir.createdAt ?? ir.loc
                ir.loc = site
            }
            add(
                "procedure", p.name, ir, ir.loc, p.diags, expressions: expressions(in: ir), into: &program.procedures,
                name: \.name, loc: \.loc)
        }
    }

    if diags.isEmpty {
        do {
            return try JSON.encoding(program).rendered
        } catch {
            diags.append(Diag(loc: .unknown, message: "cannot encode the IR: \(error)"))
        }
    }
    return JSON.object([("version", .int(recovDSLIRVersion)), ("diagnostics", .array(diags.map(\.json)))]).rendered
}

/// Writes `text` and a newline to the file (recovcheck's IR FIFO) named by `RECOVCHECK_IR_PATH`
/// (standard output when it is not set), then closes it. When that file cannot be opened nothing
/// is written: recovcheck then reports that the program wrote no IR.
func writeIR(_ text: String) {
    var fd: Int32 = 1
    if let path = getenv("RECOVCHECK_IR_PATH") {
        fd = open(path, O_WRONLY | O_CLOEXEC)
        if fd < 0 { return }
    }
    var bytes = Array(text.utf8)
    bytes.append(10)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            break
        }
        offset += n
    }
    if fd != 1 { close(fd) }
}

/// The deepest expression nesting the IR may carry: the reader's JSON parser stops at 512 levels,
/// and every operator is two (an object and its argument array).
let maxExpressionDepth = 200

/// Whether `e` is nested more than `limit` operators deep (leaves count as one). Never descends
/// further than the limit, so it is safe on any input.
func deeper(_ e: Expr, than limit: Int) -> Bool {
    if limit <= 0 { return true }
    switch e {
    case .select(_, let i): return deeper(i, than: limit - 1)
    case .apply(_, let args): return args.contains { deeper($0, than: limit - 1) }
    case .int, .bool, .variable, .now, .param, .account: return false
    }
}

/// Every expression of a model, each with the location of the nearest declaration around it, in
/// wire order.
func expressions(in m: RecovIR.Model) -> [(Expr, SourceLocation)] {
    var out: [(Expr, SourceLocation)] = []
    for v in m.state { if let e = v.initial { out.append((e, v.loc)) } }
    for a in m.actions { out += expressions(in: a) }
    for a in [m.claim].compactMap({ $0 }) + m.assumptions + m.invariants { out.append((a.expr, a.loc)) }
    return out
}

func expressions(in i: RecovIR.Incident) -> [(Expr, SourceLocation)] {
    i.attacks.flatMap { expressions(in: $0) } + i.assumptions.map { ($0.expr, $0.loc) }
}

func expressions(in p: RecovIR.Procedure) -> [(Expr, SourceLocation)] {
    var out: [(Expr, SourceLocation)] = [(p.trigger.expr, p.trigger.loc)]
    for s in p.steps {
        out += s.args.map { ($0.value, s.loc) }
        for b in s.bounds { if case .maxDuration(let e, _) = b.limit { out.append((e, b.loc)) } }
    }
    if let c = p.containment { out.append((c.expr, c.loc)) }
    if let b = p.blastRadius { out.append((b.loss, b.loc)) }
    out += p.invariants.map { ($0.expr, $0.loc) }
    return out
}

func expressions(in a: RecovIR.Action) -> [(Expr, SourceLocation)] {
    var out: [(Expr, SourceLocation)] = [(a.guardExpr, a.loc)]
    for e in a.effects {
        switch e.change {
        case .assign(_, let i, let v):
            if let i { out.append((i, e.loc)) }
            out.append((v, e.loc))
        case .assignAll(_, let v), .setThreshold(_, let v): out.append((v, e.loc))
        case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom: break
        }
    }
    for x in [a.allowedReduction, a.live].compactMap({ $0 }) { out.append((x, a.loc)) }
    return out
}
