import RecovIR

/// The sentences of a `no-unilateral-control` violation: who the coalition is and how it meets the role.
extension ConcreteProperties {
    /// The coalition in words and how it meets the role.
    func coalitionName(_ w: Witness) -> String {
        var parts: [String] = []
        if w.attackerInCoalition {
            parts.append(
                world.compromised.isEmpty
                    ? "the attacker"
                    : "the attacker (holding the keys of \(world.compromised.sorted().joined(separator: ", ")))")
        }
        parts += w.coalitionEntities.filter { !world.compromised.contains($0) }.sorted()
        return parts.isEmpty ? "nobody" : parts.joined(separator: " + ")
    }

    func controlSummary(_ r: Role, _ s: State, _ w: Witness, _ member: (String) -> Bool) -> String {
        let who = coalitionName(w)
        let size = (w.attackerInCoalition ? 1 : 0) + Set(w.coalitionEntities).subtracting(world.compromised).count
        let entityWord = size == 1 ? "one entity" : "\(size) entities"
        switch r.rule {
        case .multisig, .key:
            let allKeys = r.rule.signingKeys
            let keys = allKeys.filter { k in
                (s.holders[k].map(member) ?? false) || s.grants.contains { $0.key == k && member($0.entity) }
            }
            // Group the keys by how the coalition controls them: "held by Sky Mavis: k1, k2; allowlist for Sky Mavis: k5".
            var groups: [(String, [String])] = []
            func add(_ how: String, _ k: String) {
                if let i = groups.firstIndex(where: { $0.0 == how }) {
                    groups[i].1.append(k)
                } else {
                    groups.append((how, [k]))
                }
            }
            for k in keys {
                if let h = s.holders[k], member(h) {
                    add("held by \(h)", k)
                } else {
                    add(
                        "allowlist for \(s.grants.filter { $0.key == k && member($0.entity) }.map(\.entity).sorted().joined(separator: ", "))",
                        k)
                }
            }
            let via = groups.map { "\($0.0): \($0.1.joined(separator: ", "))" }
            let th = AuthorityRules(world: world).threshold(r, in: s)
            return
                "\(entityWord), \(who), controls \(keys.count) of \(allKeys.count) keys of role '\(r.name)' — \(via.joined(separator: "; ")) — meeting its threshold of \(th) (minimum coalition \(world.model.minCoalition(of: r)))"
        case .governance(let g):
            let ps = g.powers
            let borrowed = AuthorityRules(world: world).borrowed(r, attacker: w.attackerInCoalition, borrow: true)
            let mine = ps.filter { member($0.entity) }.map(\.power).reduce(0, +) + borrowed
            let total = ps.map(\.power).reduce(0, +) + borrowed
            let pct = total > 0 ? Double(mine) * 100 / Double(total) : 0
            let sm = g.supermajority
            let borrowText =
                borrowed > 0
                ? " including \(borrowed) voting power borrowed within one block (power is measured at execution)" : ""
            return
                "\(entityWord), \(who), holds \(mine) of \(total) voting power (\(String(format1(pct)))%)\(borrowText) ≥ the \(sm) supermajority of role '\(r.name)'"
        case .timelock(let t):
            // Name how the inner role is met, then the timelock it goes through.
            let total = AuthorityRules(world: world).delay(of: r.name)
            let delay = total > 0 ? " after its \(HumanDuration.text(total)) delay" : ""
            let veto =
                t.vetoBy.map {
                    " (the honest entities outside the coalition cannot satisfy its veto role '\($0)' to cancel)"
                }
                ?? ""
            if let inner = world.model.role(t.role) {
                return controlSummary(inner, s, w, member)
                    + ", and so executes through timelock '\(r.name)'\(delay)\(veto)"
            }
            return "\(entityWord), \(who), satisfies timelock '\(r.name)' alone"
        case .governor(let g):
            return
                "\(entityWord), \(who), passes a proposal of governor '\(r.name)' alone — \(VotingText.tally(r, g, in: s, world: world, attacker: w.attackerInCoalition, member: member)) (minimum coalition \(world.model.minCoalition(of: r)))"
        case .shutdownModule(let m):
            return
                "\(entityWord), \(who), fires shutdown module '\(r.name)' alone — \(VotingText.deposits(m, in: s, member: member)) (minimum coalition \(world.model.minCoalition(of: r)))"
        case .anyone, .allOf:
            return
                "\(entityWord), \(who), satisfies role '\(r.name)' (\(r.kind.rawValue)) alone (minimum coalition \(world.model.minCoalition(of: r)))"
        }
    }

    private func format1(_ x: Double) -> String {
        let scaled = (x * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
