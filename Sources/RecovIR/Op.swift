/// Operators of the IR expression language.
public enum Op: String, Codable, Hashable, Sendable, CaseIterable {
    case add, sub, mul, div, mod, neg
    case eq, ne, lt, le, gt, ge
    case and, or, not, implies
    case ite, min, max
}
