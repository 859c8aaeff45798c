/// What a transition of a trace did: the wire tag of `Transition` (`"kind"` in its JSON).
public enum TransitionKind: String, Sendable, Codable {
    /// Time passes.
    case tick
    /// The procedure's next step runs with its authority.
    case step
    /// A user account (or anyone, for permissionless actions) calls a model action.
    case action
    /// The attacker runs an attack action of the incident.
    case attack
    /// The attacker exercises a privileged action with authority it holds.
    case privileged
    /// An oracle-fed variable moves.
    case oracle
    /// An insider (`Insider(entity)`) exercises, alone, a privileged action its own authority allows.
    case insider
    /// The coalition under test (in a `no-unilateral-control` check) uses a role it is allowed to
    /// hold alone (`allowUnilateral`): the first move of an escalation.
    case coalition
}

/// One move of a trace, with exactly the fields of its kind.
///
/// Wire form (counterexample files, JSON reports): `{"kind":…, "name":…, "stepIndex":…?,
/// "caller":…?, "role":…?, "args":{…}, "duration":…?, "coalition":…?, "attackerInCoalition":…?,
/// "insider":…?}`,
/// the fields a kind does not have omitted; a tick is named `"tick"`, an oracle move's value is
/// `args.value`.
public enum Transition: Hashable, Sendable {
    /// Time passes by `duration` seconds.
    case tick(duration: Int)
    /// The procedure's step `index` (named `name`) runs with `role`.
    case step(name: String, index: Int, role: String, args: [String: Value])
    /// User account `caller` calls model action `name`; without a caller, anyone calls a
    /// permissionless action.
    case action(name: String, caller: Int?, args: [String: Value])
    /// The attacker runs the incident's attack `name`.
    case attack(name: String, args: [String: Value])
    /// The attacker runs privileged action `name` as `role`.
    case privileged(name: String, role: String, args: [String: Value])
    /// The oracle moves variable `target` to `value`.
    case oracle(target: String, value: Int)
    /// Insider `entity` runs privileged action `name` as `role`, alone, outside the procedure.
    case insider(name: String, role: String, entity: String, args: [String: Value])
    /// The coalition under test (its honest `members`, and the attacker if `attacker`) runs
    /// action `name` as `role`, a role it may hold alone.
    case coalition(name: String, role: String, args: [String: Value], members: [String], attacker: Bool)

    /// The wire tag.
    public var kind: TransitionKind {
        switch self {
        case .tick: return .tick
        case .step: return .step
        case .action: return .action
        case .attack: return .attack
        case .privileged: return .privileged
        case .insider: return .insider
        case .oracle: return .oracle
        case .coalition: return .coalition
        }
    }

    /// The action, step or oracle variable named (`"tick"` for time).
    public var name: String {
        switch self {
        case .tick: return "tick"
        case .step(let n, _, _, _), .action(let n, _, _), .attack(let n, _), .privileged(let n, _, _),
            .coalition(let n, _, _, _, _), .insider(let n, _, _, _):
            return n
        case .oracle(let target, _): return target
        }
    }

    /// The arguments the transition chose for its action's parameters (none for time and oracles).
    public var args: [String: Value] {
        switch self {
        case .tick, .oracle: return [:]
        case .step(_, _, _, let a), .action(_, _, let a), .attack(_, let a), .privileged(_, _, let a),
            .coalition(_, _, let a, _, _), .insider(_, _, _, let a):
            return a
        }
    }

    /// The role exercised, for steps, privileged, coalition and insider moves.
    public var role: String? {
        switch self {
        case .step(_, _, let r, _), .privileged(_, let r, _), .coalition(_, let r, _, _, _), .insider(_, let r, _, _):
            return r
        case .tick, .action, .attack, .oracle: return nil
        }
    }
}

extension Transition: Codable {
    private enum Keys: String, CodingKey {
        case kind, name, stepIndex, caller, role, args, duration, coalition, attackerInCoalition, insider
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let name = try c.decode(String.self, forKey: .name)
        let args = try c.decodeIfPresent([String: Value].self, forKey: .args) ?? [:]
        func role() throws -> String { try c.decode(String.self, forKey: .role) }
        switch try c.decode(TransitionKind.self, forKey: .kind) {
        case .tick: self = .tick(duration: try c.decode(Int.self, forKey: .duration))
        case .step:
            self = .step(name: name, index: try c.decode(Int.self, forKey: .stepIndex), role: try role(), args: args)
        case .action: self = .action(name: name, caller: try c.decodeIfPresent(Int.self, forKey: .caller), args: args)
        case .attack: self = .attack(name: name, args: args)
        case .privileged: self = .privileged(name: name, role: try role(), args: args)
        case .insider:
            self = .insider(
                name: name, role: try role(), entity: try c.decode(String.self, forKey: .insider), args: args)
        case .oracle:
            guard case .int(let v)? = args["value"] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .args, in: c, debugDescription: "an oracle move needs an integer args.value")
            }
            self = .oracle(target: name, value: v)
        case .coalition:
            self = .coalition(
                name: name, role: try role(), args: args,
                members: try c.decodeIfPresent([String].self, forKey: .coalition) ?? [],
                attacker: try c.decodeIfPresent(Bool.self, forKey: .attackerInCoalition) ?? false)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        switch self {
        case .tick(let d):
            try c.encode(args, forKey: .args)
            try c.encode(d, forKey: .duration)
        case .step(_, let j, let r, let a):
            try c.encode(j, forKey: .stepIndex)
            try c.encode(r, forKey: .role)
            try c.encode(a, forKey: .args)
        case .action(_, let caller, let a):
            try c.encodeIfPresent(caller, forKey: .caller)
            try c.encode(a, forKey: .args)
        case .attack(_, let a):
            try c.encode(a, forKey: .args)
        case .privileged(_, let r, let a):
            try c.encode(r, forKey: .role)
            try c.encode(a, forKey: .args)
        case .insider(_, let r, let e, let a):
            try c.encode(r, forKey: .role)
            try c.encode(e, forKey: .insider)
            try c.encode(a, forKey: .args)
        case .oracle(_, let v):
            try c.encode(["value": Value.int(v)], forKey: .args)
        case .coalition(_, let r, let a, let members, let attacker):
            try c.encode(r, forKey: .role)
            try c.encode(a, forKey: .args)
            try c.encode(members, forKey: .coalition)
            try c.encode(attacker, forKey: .attackerInCoalition)
        }
    }
}
