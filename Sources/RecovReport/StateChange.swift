import RecovIR

/// One value of an initial state, or one change between two states, as a value: renderers word
/// it (`text`) or lay out its before and after (`arrow`).
public enum StateChange: Hashable, Sendable {
    /// A value of the initial state: `name = value`, or `name[#account] = value` for a map.
    case initial(name: String, account: Int?, value: Value)
    /// A state variable (or map entry) moved; `before` is nil where the earlier state has no value.
    case variable(name: String, account: Int?, before: Value?, after: Value?)
    /// A key changed hands.
    case holder(key: String, before: String?, after: String?)
    /// An entity may now sign with a key (allowlist).
    case granted(Grant)
    /// An allowlist entry was removed.
    case revoked(Grant)
    /// A multisig role's threshold moved.
    case threshold(role: String, before: Int, after: Int)
    /// A procedure step ran.
    case stepDone(String)
    /// The containment condition became true.
    case contained

    /// "paused: false → true", "collateral[#3]: 100 → 0", "key sm1: held by Sky Mavis → Attacker", "paused = false".
    public var text: String {
        if let (label, before, after) = arrow { return "\(label): \(before) → \(after)" }
        switch self {
        case .initial(let name, let account, let value): return "\(Self.label(name, account)) = \(value)"
        case .granted(let g): return "allowlist: \(g.entity) may sign with \(g.key)"
        case .revoked(let g): return "allowlist revoked: \(g.entity) for \(g.key)"
        case .stepDone(let name): return "step '\(name)' done"
        case .contained: return "contained"
        case .variable, .holder, .threshold: return ""
        }
    }

    /// For a value that moved: what moved, its value before and after ("key sm1", "held by Sky Mavis", "Attacker").
    public var arrow: (label: String, before: String, after: String)? {
        switch self {
        case .variable(let name, let account, let before, let after):
            return (Self.label(name, account), before.map(\.description) ?? "?", after.map(\.description) ?? "?")
        case .holder(let key, let before, let after): return ("key \(key)", "held by \(before ?? "?")", after ?? "?")
        case .threshold(let role, let before, let after): return ("threshold \(role)", String(before), String(after))
        case .initial, .granted, .revoked, .stepDone, .contained: return nil
        }
    }

    private static func label(_ name: String, _ account: Int?) -> String { account.map { "\(name)[#\($0)]" } ?? name }
}
