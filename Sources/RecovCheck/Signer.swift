import RecovIR

/// An entity whose authority a move of a trace used, and what it signed with.
///
/// Wire form (JSON reports, the redaction file): one string, `"<entity>: <authority>, …"`
/// (`"Sky Mavis: sm1, sm2 via allowlist"`, `"Alpha: 40 votes"`, `"attacker: 10 borrowed votes"`,
/// `"Alpha: 40 votes For"`, `"Alpha: 3 to deposit"`).
public struct Signer: Hashable, Sendable {
    /// The entity (`"attacker"` for voting power the attacker borrowed).
    public var entity: String
    /// What it signed with, in the role's declaration order.
    public var authority: [Authority]

    /// One piece of authority a signer used.
    public enum Authority: Hashable, Sendable, CustomStringConvertible {
        /// A key it holds.
        case key(String)
        /// A key it may sign with through the allowlist.
        case allowlisted(String)
        /// Its voting power in a governance role.
        case votes(Int)
        /// Voting power borrowed within one block (the attacker's), in a governance role.
        case borrowedVotes(Int)
        /// Its votes For a governor's proposal.
        case votesFor(Int)
        /// Voting power borrowed within one block (the attacker's), voting For a governor's proposal.
        case borrowedVotesFor(Int)
        /// What it can deposit into a shutdown module.
        case deposit(Int)

        /// "sm1", "sm1 via allowlist", "40 votes", "10 borrowed votes", "40 votes For", "3 to deposit".
        public var description: String {
            switch self {
            case .key(let k): return k
            case .allowlisted(let k): return "\(k) via allowlist"
            case .votes(let n): return "\(n) votes"
            case .borrowedVotes(let n): return "\(n) borrowed votes"
            case .votesFor(let n): return "\(n) votes For"
            case .borrowedVotesFor(let n): return "\(n) borrowed votes For"
            case .deposit(let n): return "\(n) to deposit"
            }
        }

        /// Reads `description` back (the wire form); text that is no other form is a key.
        init(text: String) {
            func number(before suffix: String) -> Int? {
                text.hasSuffix(suffix) ? Int(text.dropLast(suffix.count)) : nil
            }
            if text.hasSuffix(" via allowlist") {
                self = .allowlisted(String(text.dropLast(" via allowlist".count)))
            } else if let n = number(before: " borrowed votes For") {
                self = .borrowedVotesFor(n)
            } else if let n = number(before: " votes For") {
                self = .votesFor(n)
            } else if let n = number(before: " borrowed votes") {
                self = .borrowedVotes(n)
            } else if let n = number(before: " votes") {
                self = .votes(n)
            } else if let n = number(before: " to deposit") {
                self = .deposit(n)
            } else {
                self = .key(text)
            }
        }
    }

    public init(entity: String, authority: [Authority]) {
        self.entity = entity
        self.authority = authority
    }

    /// "Sky Mavis: sm1, sm2".
    public var text: String { "\(entity): \(authority.map(\.description).joined(separator: ", "))" }

    /// The entities and keys that signed transition `t`, in state `s` before it: for a multisig,
    /// the first `threshold` keys the signers control, in declaration order (one sufficient signing set).
    public static func of(_ t: Transition, before s: State, world: World) -> [Signer] {
        guard let roleName = t.role, let role = world.model.role(roleName) else { return [] }
        let honest = t.kind == .step
        let member: (String) -> Bool
        // Whether the attacker (and so its borrowed voting power) is among the signers.
        var attacker = !honest
        if case .coalition(_, _, _, let coalition, let withAttacker) = t {
            let members = Set(coalition)
            member = { e in world.compromised.contains(e) ? withAttacker : members.contains(e) }
        } else if case .insider(_, _, let entity, _) = t {
            member = { $0 == entity }
            attacker = false
        } else {
            member = { e in honest ? !world.compromised.contains(e) : world.compromised.contains(e) }
        }
        var authorityOf: [String: [Authority]] = [:]
        func collect(_ r: Role) {
            switch r.rule {
            case .key, .multisig:
                var needed = AuthorityRules(world: world).threshold(r, in: s)
                for k in r.rule.signingKeys where needed > 0 {
                    if let h = s.holders[k], member(h) {
                        authorityOf[h, default: []].append(.key(k))
                        needed -= 1
                    } else if let g = s.grants.sorted().first(where: { $0.key == k && member($0.entity) }) {
                        authorityOf[g.entity, default: []].append(.allowlisted(k))
                        needed -= 1
                    }
                }
            case .timelock(let t):
                if let x = world.model.role(t.role) { collect(x) }
            case .allOf(let roles):
                for i in roles { if let x = world.model.role(i) { collect(x) } }
            case .governance(let g):
                for p in g.powers where member(p.entity) && p.power > 0 {
                    authorityOf[p.entity, default: []].append(.votes(p.power))
                }
                let borrowed = AuthorityRules(world: world).borrowed(r, attacker: attacker, borrow: true)
                if borrowed > 0 { authorityOf["attacker", default: []].append(.borrowedVotes(borrowed)) }
            case .governor(let g):
                for h in g.votes where member(h.entity) && h.value(in: s) > 0 {
                    authorityOf[h.entity, default: []].append(.votesFor(h.value(in: s)))
                }
                let borrowed = AuthorityRules(world: world).borrowed(r, attacker: attacker, borrow: true)
                if borrowed > 0 { authorityOf["attacker", default: []].append(.borrowedVotesFor(borrowed)) }
            case .shutdownModule(let m):
                for h in m.holdings where member(h.entity) && h.value(in: s) > 0 {
                    authorityOf[h.entity, default: []].append(.deposit(h.value(in: s)))
                }
            case .anyone: break
            }
        }
        collect(role)
        return authorityOf.keys.sorted().map { Signer(entity: $0, authority: authorityOf[$0]!) }
    }
}

extension Signer: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        // The entity is what precedes the first ": " (entity names from specs rarely hold one;
        // where one does, the text still reads back to the same string).
        guard let colon = text.range(of: ": ") else {
            self.init(entity: text, authority: [])
            return
        }
        let rest = text[colon.upperBound...]
        self.init(
            entity: String(text[..<colon.lowerBound]),
            authority: rest.components(separatedBy: ", ").map { Authority(text: $0) })
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(authority.isEmpty ? entity : text)
    }
}
