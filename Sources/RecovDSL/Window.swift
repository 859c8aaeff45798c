import RecovIR

/// Seconds after the trigger by which every step must have run.
public struct Window: ProcedureComponent, Sendable {
    let seconds: Int
    let loc: SourceLocation
    /// Declares the window.
    public init(_ seconds: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.seconds = seconds
        self.loc = SourceLocation(file: file, line: line, column: column)
    }
    /// The declarations it contributes.
    public var procedurePart: ProcedurePart { ProcedurePart(items: [.window(seconds, loc: loc)]) }
}
