/// Names of the Z3 constants the engine creates.
///
/// Z3 identifies a constant by its name and sort, so two names that happen to be equal are one
/// constant. Names taken from specs (state variables, keys, entities, roles, actions, parameters,
/// oracle targets) are therefore escaped — every character outside `[A-Za-z0-9_]` becomes `%HH` —
/// and kept in namespaces of their own (`v.` for state variables), so a spec can never name a
/// constant the engine uses itself (the containment flag, the clock, the previous step's time, a
/// violation literal) nor make two of its own names meet (`grant.a.b.c` from key `a.b`, entity `c`
/// and from key `a`, entity `b.c`). Internal names never start with `v.` and never contain `%`.
enum SymbolName {
    /// `name` with every character outside `[A-Za-z0-9_]` written as `%HH` (its UTF-8 bytes).
    static func escape(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F
            {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// A state variable (scalar or map), without its depth suffix.
    static func stateVariable(_ name: String) -> String { "v." + escape(name) }
    static func holder(_ key: String) -> String { "holder." + escape(key) }
    static func grant(key: String, entity: String) -> String { "grant." + escape(key) + "." + escape(entity) }
    static func threshold(_ role: String) -> String { "threshold." + escape(role) }
    static func signed(role: String, key: String) -> String { "signed." + escape(role) + "." + escape(key) }
    static func coalitionMember(_ entity: String) -> String { "coalition.e." + escape(entity) }
    static func oracle(_ target: String) -> String { "oracle." + escape(target) }
    static func parameter(action: String, parameter: String) -> String {
        "p." + escape(action) + "." + escape(parameter)
    }
    static func blockedParameter(_ parameter: String) -> String { "blk." + escape(parameter) }
}
