/// The type of an IR expression.
public enum ExprType: String, Sendable, Hashable {
    case int, bool, account
}
