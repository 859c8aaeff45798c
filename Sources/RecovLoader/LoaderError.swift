/// The loader's own failures, as opposed to `Diagnostic`s about the user's specs: the module's one
/// error type.
enum LoaderError: Error, CustomStringConvertible {
    /// swiftc's symbol graph for the specs (`file`) cannot be read.
    case unreadableSymbolGraph(file: String)
    /// The bubblewrap sandbox cannot start here, for `reason`.
    case sandboxUnavailable(reason: String)

    var description: String {
        switch self {
        case .unreadableSymbolGraph(let file): return "cannot read the symbol graph \(file) swiftc wrote for the specs"
        case .sandboxUnavailable(let reason): return reason
        }
    }
}
