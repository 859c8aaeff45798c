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
