import RecovIR
import RecovCheck

/// Everything a renderer needs about one run.
public struct RunReport: Sendable {
    /// The tool version, written into every machine-readable output.
    public static let toolVersion = "0.2.0"

    public var results: [CheckResult]
    public var program: Program
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
    public struct IRCache: Sendable, Equatable, Encodable {
        /// True when the IR was read from the cache instead of compiling and running the specs.
        public var hit: Bool
        /// The cache key: a SHA-256 of the sources, the compiler version and the DSL.
        public var key: String
        /// Creates the record.
        public init(hit: Bool, key: String) { self.hit = hit; self.key = key }
    }

    public init(results: [CheckResult], program: Program, options: CheckOptions, allowUnknown: Bool = false, inputs: [String] = []) {
        self.results = results; self.program = program; self.options = options; self.allowUnknown = allowUnknown; self.inputs = inputs
    }

    public func count(_ v: VerdictKind) -> Int { results.filter { $0.verdict == v }.count }

    /// The process exit code: 2 error, 1 violation, 3 unknown (unless allowed), else 0.
    public var exitCode: Int32 {
        if count(.error) > 0 { return 2 }
        if count(.violated) > 0 { return 1 }
        if count(.unknown) > 0 && !allowUnknown { return 3 }
        return 0
    }

    /// The world a result belongs to.
    public func world(of r: CheckResult) -> World? {
        program.procedures.first { $0.name == r.procedure }.flatMap { World(program: program, procedure: $0) }
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
        self.isolation = isolation; self.summary = summary
    }
}
