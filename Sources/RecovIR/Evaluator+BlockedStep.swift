/// Whether the pending procedure step is blocked: it sits at its deadline and no choice of its
/// free parameters lets it run. The concrete twin of `Unrolling.blocked`.
extension Evaluator {
    /// Whether time may advance to `end` while a step is pending: up to the step's deadline, and
    /// past it once the procedure is blocked (the step could not run at its deadline). A blocked
    /// procedure stops neither the clock nor the attacker; the step never runs late.
    public func mayPassDeadline(_ s: State, until end: Int) throws(EvaluationError) -> Bool {
        let dl = try Checked.add(
            s.lastStepTime, deadline(s.pc), "the deadline of step '\(world.procedure.steps[s.pc].name)'")
        if end <= dl || s.now > dl { return true }
        if s.now != dl { return false }
        return try blockedStep(s) != nil
    }

    /// The accounts a concrete state defines map values for (every map's accounts); without maps,
    /// `0..<count` (accounts are then only compared with each other).
    public func knownAccounts(_ s: State, atLeast count: Int) -> [Int] {
        let keys = Set(s.maps.values.flatMap(\.keys))
        if world.model.state.contains(where: { $0.type == .map }) { return keys.sorted() }
        return Array(0..<Swift.max(count, 1))
    }

    /// The pending step if it sits at its deadline and cannot run in `s` for any choice of its
    /// free parameters. Account parameters range over `knownAccounts(s)`: the accounts of the
    /// trace and the fresh accounts that stand for all others (see `Unrolling+FreshAccounts.swift`).
    /// Throws when an integer parameter's domain is too large to enumerate.
    public func blockedStep(_ s: State) throws(EvaluationError) -> Int? {
        let p = world.procedure
        guard s.pc < p.steps.count else { return nil }
        let j = s.pc
        guard s.now == (try Checked.add(s.lastStepTime, deadline(j), "the deadline of step '\(p.steps[j].name)'"))
        else { return nil }
        let st = p.steps[j]
        if !honestSatisfies(st.role, in: s) { return j }
        guard let a = world.model.action(st.action) else { return j }
        let fixed = Set(st.args.map(\.name))
        let free = a.params.filter { !fixed.contains($0.name) }
        let accounts = knownAccounts(s, atLeast: free.filter { $0.type == .account }.count)
        var domains: [[Value]] = []
        for prm in free {
            switch prm.type {
            case .bool: domains.append([.bool(false), .bool(true)])
            case .account: domains.append(accounts.map { .int($0) })
            case .entity: domains.append(world.model.entities.indices.map { .int($0) })
            case .int:
                let lo = prm.min ?? 0
                let hi = prm.max ?? 0
                guard hi >= lo, hi.subtractingReportingOverflow(lo).partialValue <= 10_000,
                    !hi.subtractingReportingOverflow(lo).overflow
                else {
                    throw EvaluationError(
                        "cannot confirm by enumeration that step '\(st.name)' is blocked: parameter '\(prm.name)' ranges over \(lo)...\(hi)"
                    )
                }
                domains.append((lo...hi).map { .int($0) })
            }
        }
        var total = 1
        for dmn in domains {
            total *= Swift.max(dmn.count, 1)
            if total > 100_000 {
                throw EvaluationError(
                    "cannot confirm by enumeration that step '\(st.name)' is blocked: too many parameter combinations")
            }
        }
        if domains.contains(where: \.isEmpty) { return j }
        var index = Array(repeating: 0, count: domains.count)
        while true {
            var args: [String: Value] = [:]
            for (k, prm) in free.enumerated() { args[prm.name] = domains[k][index[k]] }
            let t = Transition.step(name: st.name, index: j, role: st.role, args: args)
            if (try? apply(t, to: s)) != nil { return nil }
            var k = 0
            while k < index.count {
                index[k] += 1
                if index[k] < domains[k].count { break }
                index[k] = 0
                k += 1
            }
            if k == index.count { break }
        }
        return j
    }
}
