import RecovCheck
import RecovIR

/// Everything a renderer needs about one run: each result with the procedure it checks (joined
/// once, here), the program and the options.
public struct RunReport: Sendable {
    /// The tool version, written into every machine-readable output.
    public static let toolVersion = "0.2.0"

    /// One result with its procedure and the procedure's world; both nil where the report has no
    /// program (results merged from shard files) or the procedure is not in it.
    public struct Entry: Sendable {
        public var result: CheckResult
        public var procedure: Procedure?
        public var world: World?
    }

    /// The results of one procedure, in report order.
    public struct Group: Sendable {
        public var name: String
        public var procedure: Procedure?
        public var entries: [Entry]
    }

    /// The results in report order, each with its procedure.
    public private(set) var entries: [Entry]

    /// The results in report order.
    public var results: [CheckResult] {
        get { entries.map(\.result) }
        set { entries = Self.join(newValue, program) }
    }

    public var program: Program {
        didSet { entries = Self.join(results, program) }
    }
    public var options: CheckOptions
    /// Whether unknown verdicts were explicitly allowed to pass.
    public var allowUnknown: Bool
    /// Spec and model files the run read.
    public var inputs: [String]
    /// Whether the Swift specs' IR came from the IR cache, and its key (nil for IR inputs or
    /// `--no-ir-cache`).
    public var irCache: IRCache? = nil
    /// How the compiled spec program ran (nil: no Swift specs, e.g. IR files or merged reports).
    public var specProgram: SpecProgramInfo?

    /// Where the IR of compiled specs came from.
    public struct IRCache: Sendable, Equatable, Codable {
        /// True when the IR was read from the cache instead of compiling and running the specs.
        public var hit: Bool
        /// The cache key: a SHA-256 of the sources, the compiler version and the DSL.
        public var key: String
        /// Creates the record.
        public init(hit: Bool, key: String) {
            self.hit = hit
            self.key = key
        }
    }

    public init(
        results: [CheckResult], program: Program, options: CheckOptions, allowUnknown: Bool = false,
        inputs: [String] = []
    ) {
        self.program = program
        self.options = options
        self.allowUnknown = allowUnknown
        self.inputs = inputs
        entries = Self.join(results, program)
    }

    /// Pairs each result with its procedure and world (one world per procedure).
    private static func join(_ results: [CheckResult], _ program: Program) -> [Entry] {
        var procedures: [String: (Procedure, World?)] = [:]
        for p in program.procedures where procedures[p.name] == nil {
            procedures[p.name] = (p, World(program: program, procedure: p))
        }
        return results.map { r in
            let p = procedures[r.procedure]
            return Entry(result: r, procedure: p?.0, world: p?.1)
        }
    }

    /// The entries grouped by procedure, in order of first appearance.
    public var groups: [Group] {
        var out: [Group] = []
        var index: [String: Int] = [:]
        for e in entries {
            if let i = index[e.result.procedure] {
                out[i].entries.append(e)
                continue
            }
            index[e.result.procedure] = out.count
            out.append(Group(name: e.result.procedure, procedure: e.procedure, entries: [e]))
        }
        return out
    }

    public func count(_ v: VerdictKind) -> Int { entries.filter { $0.result.verdict == v }.count }

    /// The number of results of each verdict, by its JSON name (every verdict, zeros included).
    public var summary: [String: Int] {
        var s: [String: Int] = [:]
        for v in [VerdictKind.proved, .holds, .violated, .unknown, .error, .notApplicable] { s[v.rawValue] = count(v) }
        return s
    }

    /// The process exit code: 2 error, 1 violation, 3 unknown (unless allowed), else 0.
    public var exitCode: Int32 {
        if count(.error) > 0 { return 2 }
        if count(.violated) > 0 { return 1 }
        if count(.unknown) > 0 && !allowUnknown { return 3 }
        return 0
    }
}

/// How the spec program of a run was isolated (docs/security.md). In the JSON report as
/// `specProgram`; the text output prints its own line (which also says whether the IR cache answered).
public struct SpecProgramInfo: Codable, Sendable, Hashable {
    /// `bubblewrap`, `limits` (fallback: bubblewrap cannot start) or `off` (`--sandbox off`).
    public var isolation: String
    /// One line describing it.
    public var summary: String

    public init(isolation: String, summary: String) {
        self.isolation = isolation
        self.summary = summary
    }
}
