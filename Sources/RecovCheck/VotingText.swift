import RecovIR

/// Governor tallies and shutdown-module deposits in words, shared by counterexample summaries,
/// signer lists and `explain`, so that every report says the same thing.
public enum VotingText {
    /// "For 50 (Mallory 50), Against 0, Abstain 0 of a quorum of 40 For votes (threshold 10)".
    public static func tally(
        _ r: Role, _ g: Role.Governor, in s: State, world: World, attacker: Bool, member: (String) -> Bool
    ) -> String {
        let rules = AuthorityRules(world: world)
        let t = rules.tally(r, g, in: s, attacker: attacker, borrow: true, member: member)
        let borrowed = rules.borrowed(r, attacker: attacker, borrow: true)
        let forWho =
            g.votes.filter { member($0.entity) }.map { "\($0.entity) \($0.value(in: s))" }
            + (borrowed > 0 ? ["borrowed \(borrowed)"] : [])
        let notVoting = g.votes.filter { h in
            !member(h.entity) && !world.compromised.contains(h.entity)
                && !g.opposing.contains(h.entity) && !g.abstaining.contains(h.entity)
        }
        let counted = g.quorumCounts == .forAndAbstain ? "For + Abstain votes" : "For votes"
        var text =
            "For \(t.forVotes) (\(forWho.isEmpty ? "nobody" : forWho.joined(separator: ", "))), Against \(t.against), Abstain \(t.abstain)"
        text += " against a quorum of \(g.quorum) \(counted)"
        if g.proposalThreshold > 0 { text += " and a proposal threshold of \(g.proposalThreshold)" }
        if !notVoting.isEmpty {
            let idle = notVoting.map { "\($0.entity) \($0.value(in: s))" }.joined(separator: ", ")
            text += "; not voting: \(idle)"
        }
        return text
    }

    /// "deposits 40000 + the coalition's holdings 15000 (Mallory 15000) ≥ threshold 50000".
    public static func deposits(_ m: Role.ShutdownModule, in s: State, member: (String) -> Bool) -> String {
        let mine = m.holdings.filter { member($0.entity) }
        let sum = mine.reduce(Int128(0)) { $0 + Int128($1.value(in: s)) }
        let who = mine.map { "\($0.entity) \($0.value(in: s))" }.joined(separator: ", ")
        return
            "deposited \(s.ints[m.deposited] ?? 0) ('\(m.deposited)') + holdings \(sum)\(who.isEmpty ? "" : " (\(who))") against a threshold of \(m.threshold)"
    }
}
