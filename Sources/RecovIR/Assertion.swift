/// A named predicate: an assumption, invariant, trigger or containment condition.
public struct Assertion: Codable, Hashable, Sendable {
    public var name: String
    public var expr: Expr
    public var loc: SourceLocation
    public init(name: String, expr: Expr, loc: SourceLocation) {
        self.name = name
        self.expr = expr
        self.loc = loc
    }
}
