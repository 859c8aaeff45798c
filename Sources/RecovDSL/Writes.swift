import RecovIR

/// What a step is allowed to write: variables (map names for maps), keys and roles.
public struct Writes: StepComponent, Sendable {
    let items: [StepItem]
    /// Declares the write set.
    public init(_ targets: any WriteTarget..., file: String = #filePath, line: Int = #line, column: Int = #column) {
        let loc = SourceLocation(file: file, line: line, column: column)
        items = targets.enumerated().flatMap { i, v -> [StepItem] in
            // A rate limit is two variables: what was spent and the window it was spent in.
            if let limit = v as? RateLimit { return [.writes("\(limit.name).used"), .writes("\(limit.name).window")] }
            if let name = v.writeTargetName { return [.writes(name)] }
            return [
                .diagnostic(
                    Diag(loc: loc, message: "Writes(...) argument \(i + 1) is not a declared variable, key or role"))
            ]
        }
    }
    /// The declarations it contributes.
    public var stepPart: StepPart { StepPart(items: items) }
}
