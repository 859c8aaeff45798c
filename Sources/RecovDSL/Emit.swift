// Emission: collect the declared models, incidents and procedures and write the IR JSON.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IR wire format version this DSL writes.
public let recovDSLIRVersion = 1

/// Renders the IR JSON for every `Model`, `Incident` and `Procedure` among `declarations`
/// (or arrays of them; other values are ignored), including models and incidents that procedures and incidents
/// reference. When the DSL found errors, renders `{"version":1,"diagnostics":[...]}` instead.
public func recovcheckRenderIR(_ declarations: [(String, Any)]) -> String {
    var models: [(String, JSON, Loc)] = [], incidents: [(String, JSON, Loc)] = [], procedures: [(String, JSON, Loc)] = []
    var diags: [Diag] = []

    func add(_ kind: String, _ name: String, _ json: JSON, _ loc: Loc, _ ownDiags: [Diag],
             into list: inout [(String, JSON, Loc)]) {
        if let existing = list.first(where: { $0.0 == name }) {
            if existing.1.rendered != json.rendered {
                diags.append(Diag(loc: loc, message:
                    "\(kind) '\(name)' is declared twice with different content (first at \(existing.2.description))"))
            }
            return
        }
        list.append((name, json, loc))
        diags += ownDiags
        if let at = tooDeepExpression(in: json, loc: loc) {
            diags.append(Diag(loc: at, message:
                "expression nested more than \(maxExpressionDepth) operators deep, the limit (combine long sums pairwise, or split the condition)"))
        }
    }
    func addModel(_ m: Model) { add("model", m.name, m.json, m.loc, m.diags, into: &models) }
    func addIncident(_ i: Incident) {
        addModel(i.model)
        add("incident", i.name, i.json, i.loc, i.diags, into: &incidents)
    }

    // Arrays of declarations (`let all = [a, b]`) count too.
    var values: [Any] = []
    for (_, value) in declarations {
        if let list = value as? [Model] { values += list.map { $0 as Any } }
        else if let list = value as? [Incident] { values += list.map { $0 as Any } }
        else if let list = value as? [Procedure] { values += list.map { $0 as Any } }
        else { values.append(value) }
    }
    for value in values {
        if let m = value as? Model {
            addModel(m)
        } else if let i = value as? Incident {
            addIncident(i)
        } else if let p = value as? Procedure {
            addModel(p.model)
            addIncident(p.incident)
            add("procedure", p.name, p.json, p.loc, p.diags, into: &procedures)
        }
    }

    let out: JSON
    if diags.isEmpty {
        out = .object([
            ("version", .int(recovDSLIRVersion)),
            ("models", .array(models.map(\.1))),
            ("incidents", .array(incidents.map(\.1))),
            ("procedures", .array(procedures.map(\.1))),
        ])
    } else {
        out = .object([("version", .int(recovDSLIRVersion)), ("diagnostics", .array(diags.map(\.json)))])
    }
    return out.rendered
}

/// Writes `text` and a newline to the file descriptor named by `RECOVCHECK_IR_FD` (standard
/// output when it is not set), then closes it.
func writeIR(_ text: String) {
    var fd: Int32 = 1
    if let raw = getenv("RECOVCHECK_IR_FD"), let n = Int32(String(cString: raw)) { fd = n }
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

/// The first expression in `json` nested deeper than `maxExpressionDepth` operators, with the
/// location of the nearest declaration around it. Never descends further than the limit, so it
/// is safe on any input.
func tooDeepExpression(in json: JSON, loc: Loc) -> Loc? {
    func walk(_ j: JSON, _ here: Loc, _ ops: Int) -> Loc? {
        switch j {
        case .object(let pairs):
            var at = here
            var isOp = false
            for (k, v) in pairs {
                if k == "op" { isOp = true }
                if k == "loc", case .object(let l) = v,
                   case .string(let f)? = l.first(where: { $0.0 == "file" })?.1,
                   case .int(let line)? = l.first(where: { $0.0 == "line" })?.1,
                   case .int(let col)? = l.first(where: { $0.0 == "column" })?.1 {
                    at = Loc(file: f, line: line, column: col)
                }
            }
            let depth = ops + (isOp ? 1 : 0)
            if depth > maxExpressionDepth { return at }
            for (_, v) in pairs { if let found = walk(v, at, depth) { return found } }
            return nil
        case .array(let items):
            for v in items { if let found = walk(v, here, ops) { return found } }
            return nil
        default:
            return nil
        }
    }
    return walk(json, loc, 0)
}
