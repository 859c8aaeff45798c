import RecovIR

/// The smallest coalition of entities allowed to satisfy a privileged role (default 2: no single entity).
public struct MinCoalition: ModelComponent, Sendable {
    let size: Int
    /// Sets the minimum coalition size.
    public init(_ size: Int, file: String = #filePath, line: Int = #line, column: Int = #column) {
        self.size = size
        self.loc = SourceLocation(file: file, line: line, column: column)
    }
    let loc: SourceLocation
    /// The declarations it contributes.
    public var modelPart: ModelPart { ModelPart(items: [.minCoalition(size, loc: loc)]) }
}
