/// The 1-based `(line, column)` of every `Procedure(` call in Swift `source`, outside comments,
/// string literals and inactive `#if` branches: the safety net of discovery by construction. A
/// call site the spec program never executed would declare a procedure that is never checked.
/// A branch counts as inactive only when `CompilationCondition` can tell for sure.
public func procedureCallSites(in source: String) -> [(line: Int, column: Int)] {
    scanSwiftSource(source).calls
}

/// One pass over `source` (`SwiftSourceScanner`): the `Procedure(` call sites and the plain string
/// literals, outside comments and inactive `#if` branches.
func scanSwiftSource(_ source: String) -> (calls: [(line: Int, column: Int)], literals: [StringLiteralSite]) {
    var scanner = SwiftSourceScanner(source)
    scanner.scan()
    return (scanner.calls, scanner.literals)
}
