/// The type of a state variable.
public enum VarType: String, Codable, Hashable, Sendable {
    /// A bounded integer (an amount, a price, a counter).
    case int
    /// A boolean flag.
    case bool
    /// A per-account integer amount, `map[account]`.
    case map
}
