/// Magnitude limits on the constants the checker computes with outside the solver (timing,
/// budgets, fractions, voting power), so that every sum or product of them it forms fits in 64
/// bits or is computed exactly (docs/semantics.md, "Arithmetic").
extension Validator {
    /// Largest total voting power of one governance role, borrowable power included.
    public static let maxTotalVotingPower = 1_000_000_000_000_000_000  // 10^18

    func checkMagnitudes(_ m: Model, _ out: inout [Diagnostic]) {
        func limit(_ v: Int?, _ what: String, _ loc: SourceLocation) {
            if let v, v.magnitude > UInt(maxLiteralMagnitude) {
                out.append(
                    Diagnostic("\(what) \(v) is out of range (at most \(maxLiteralMagnitude) in magnitude)", at: loc))
            }
        }
        for r in m.roles {
            switch r.rule {
            case .timelock(let t):
                limit(t.minDelay, "role '\(r.name)': minimum delay", r.loc)
                limit(t.maxDelay, "role '\(r.name)': maximum delay", r.loc)
                limit(t.grace, "role '\(r.name)': grace period", r.loc)
            case .multisig(_, let threshold):
                limit(threshold, "role '\(r.name)': threshold", r.loc)
            case .governance(let g):
                for f in [g.supermajority, g.quorum].compactMap({ $0 }) {
                    limit(f.num, "role '\(r.name)': numerator of \(f)", r.loc)
                    limit(f.den, "role '\(r.name)': denominator of \(f)", r.loc)
                }
            case .anyone, .key, .allOf, .governor, .shutdownModule: break  // governor and module limits: `checkGovernor`, `checkShutdownModule`
            }
        }
    }

    /// The total voting power of each governance role, with what the incident lets the attacker borrow.
    func checkVotingTotals(_ m: Model, _ i: Incident, _ out: inout [Diagnostic]) {
        for r in m.roles {
            guard case .governance(let g) = r.rule else { continue }
            var total = 0
            var overflow = false
            let amounts = g.powers.map(\.power) + i.borrowable.filter { $0.role == r.name }.map(\.amount)
            for a in amounts where a >= 0 {
                let (t, o) = total.addingReportingOverflow(a)
                total = t
                overflow = overflow || o
            }
            if overflow || total > Self.maxTotalVotingPower {
                out.append(
                    Diagnostic(
                        "role '\(r.name)': total voting power (with borrowable power of incident '\(i.name)') exceeds \(Self.maxTotalVotingPower)",
                        at: r.loc))
            }
        }
    }

    func checkProcedureMagnitudes(_ p: Procedure, _ out: inout [Diagnostic]) {
        func limit(_ v: Int?, _ what: String, _ loc: SourceLocation) {
            if let v, v.magnitude > UInt(maxLiteralMagnitude) {
                out.append(
                    Diagnostic("\(what) \(v) is out of range (at most \(maxLiteralMagnitude) in magnitude)", at: loc))
            }
        }
        for s in p.steps {
            limit(s.after, "step '\(s.name)': after:", s.loc)
            limit(s.within, "step '\(s.name)': within:", s.loc)
            for b in s.bounds {
                switch b.limit {
                case .maxChange(_, let amount): limit(amount, "step '\(s.name)': maximum change", b.loc)
                case .maxDuration(_, let duration): limit(duration, "step '\(s.name)': maximum duration", b.loc)
                case .range: break
                }
            }
        }
        limit(p.containmentBudget, "containment budget", p.containment?.loc ?? p.loc)
        limit(p.window, "procedure window", p.loc)
        if let br = p.blastRadius {
            limit(br.max, "blast radius budget", br.loc)
            limit(br.per, "blast radius window (per:)", br.loc)
        }
    }
}
