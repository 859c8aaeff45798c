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

/// Entry point of the generated spec program: renders the IR (see `recovcheckRenderIR`) and
/// writes it to the file descriptor named by the environment variable `RECOVCHECK_IR_FD`
/// (standard output when it is not set).
public func __recovcheckEmit(_ declarations: [(String, Any)]) {
    let text = recovcheckRenderIR(declarations)
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
