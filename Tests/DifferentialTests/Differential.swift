import Foundation
import RecovIR

@testable import RecovCheck

/// One differential comparison: the checker's verdict against the explorer's, per rule.
struct Differential {
    static let rules: [Rule] = [
        .sanity, .noUnilateralControl, .boundedIntervention, .noCollateralLoss,
        .containmentTime, .blastRadius, .invariant,
    ]

    struct Disagreement: CustomStringConvertible {
        var rule: Rule
        var what: String
        var description: String { "\(rule.rawValue): \(what)" }
    }

    struct Outcome {
        var disagreements: [Disagreement] = []
        /// Checks the checker could not decide (unknown) or refused (error), which are not wrong
        /// verdicts but are counted.
        var inconclusive: [String] = []
        var violations = 0
        /// Checks the checker proved for every depth (each also explored `proofMargin` deeper).
        var proved = 0
        var explorerStates = 0
        /// For each procedure with a `proved` check: the depth the deeper exploration completed.
        var deeperDepths: [Int] = []
        /// `no-unilateral-control` violations both found whose shortest trace needs the coalition's
        /// own moves (escalation): the explorer met none without them.
        var escalations = 0
        /// Blast-radius and no-collateral-loss checks the checker calls vacuous because the loss
        /// (the claim) never changes, with the explorer seeing no change either.
        var vacuousConstants = 0
        /// Where the case's time went (seconds): the explorer, the deeper exploration behind
        /// proofs, and the checker per rule.
        var seconds = Seconds()
    }

    /// Time spent per part of a comparison, summed over a run to show where it goes.
    struct Seconds {
        var explorer = 0.0, deeper = 0.0
        var checker: [Rule: Double] = [:]
        static func += (a: inout Seconds, b: Seconds) {
            a.explorer += b.explorer
            a.deeper += b.deeper
            a.checker.merge(b.checker, uniquingKeysWith: +)
        }
    }

    /// Adds the CPU seconds the calling thread spent in `f` to `into` (CPU time, not wall-clock:
    /// on a loaded machine the two differ by the time the thread waited for a core).
    static func timed<T>(_ into: inout Double, _ f: () throws -> T) rethrows -> T {
        let t0 = threadCPUSeconds()
        defer { into += threadCPUSeconds() - t0 }
        return try f()
    }

    /// The calling thread's CPU time in seconds.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Compares the checker and the explorer on every rule of every procedure of the program; the
    /// checker finds each procedure by name, as the command line does.
    static func compare(_ program: Program, depth: Int, rules: [Rule] = rules, timeout: Double = 20) -> Outcome {
        var out = Outcome()
        if program.procedures.isEmpty { out.disagreements.append(Disagreement(rule: .sanity, what: "no procedure")) }
        for proc in program.procedures {
            let o = compare(program, procedure: proc.name, depth: depth, rules: rules, timeout: timeout)
            let prefix = program.procedures.count > 1 ? "procedure \(proc.name): " : ""
            out.disagreements += o.disagreements.map { Disagreement(rule: $0.rule, what: prefix + $0.what) }
            out.inconclusive += o.inconclusive.map { prefix + $0 }
            out.violations += o.violations
            out.proved += o.proved
            out.deeperDepths += o.deeperDepths
            out.escalations += o.escalations
            out.vacuousConstants += o.vacuousConstants
            out.explorerStates += o.explorerStates
            out.seconds += o.seconds
        }
        return out
    }

    /// Compares the checker and the explorer on every rule of one procedure.
    static func compare(_ program: Program, procedure name: String, depth: Int, rules: [Rule], timeout: Double)
        -> Outcome
    {
        var out = Outcome()
        let checker = Checker(
            program: program, options: CheckOptions(depth: depth, timeoutSeconds: timeout, minimizationChecks: 16))
        guard let world = checker.world(for: name) else {
            out.disagreements.append(Disagreement(rule: .sanity, what: "no world for \(name)"))
            return out
        }
        let explorer = Explorer(world: world, depth: depth)
        let ex = timed(&out.seconds.explorer) {
            explorer.explore(rules: rules, maxStates: stateBudget, maxTransitions: transitionBudget)
        }
        out.explorerStates = ex.statesExplored
        // Over the budget, the explorer decides every depth up to the last layer it completed: a
        // violation it found is real and shortest (breadth first), its absence counts only there.
        let complete = ex.depthCompleted >= depth
        if !complete {
            out.inconclusive.append(
                "explorer stopped after \(ex.statesExplored) states and \(ex.transitionsTried) transitions (budget \(stateBudget) states, \(transitionBudget) transitions) with depth \(ex.depthCompleted) of \(depth) complete: verdicts compared up to that depth"
            )
        }
        for e in ex.evalErrors.prefix(1) { out.inconclusive.append("explorer evaluation error: \(e)") }
        for m in ex.referenceMismatches {
            out.disagreements.append(Disagreement(rule: .sanity, what: "evaluator vs reference authority/timing: \(m)"))
        }
        // A `proved` must survive the explorer at every depth it can reach: explored deeper, lazily.
        var deeper: Explorer.Exploration?
        for rule in rules {
            let r = timed(&out.seconds.checker[rule, default: 0]) { checker.run(CheckJob(procedure: name, rule: rule)) }
            if rule == .sanity {
                guard complete else { continue }
                let expected: VerdictKind = ex.sanityHolds ? .holds : .error
                if r.verdict == .unknown {
                    out.inconclusive.append("sanity: \(r.message)")
                    continue
                }
                if r.verdict != expected {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what:
                                "checker says \(r.verdict.rawValue) (\(r.message)); explorer: \(ex.initialStates) initial states, steps reached \(ex.stepsReached), containment reached \(ex.containmentReached), uncontained at the trigger \(ex.uncontainedAtTrigger), attacks never fired \(ex.attacksNotFired.sorted())"
                        ))
                }
                continue
            }
            let expected = ex.violation[rule]
            // "The loss (the claim) never changes": a vacuous blast-radius (error) or nothing for
            // no-collateral-loss to check (n/a). The explorer must see no change, and no violation.
            let constant =
                rule == .blastRadius
                ? r.verdict == .error && r.message.hasPrefix("the blast-radius loss ")
                : rule == .noCollateralLoss && r.verdict == .notApplicable && r.message.hasPrefix("the claim ")
            if constant {
                out.vacuousConstants += 1
                let changes = rule == .blastRadius ? ex.lossChanges : ex.claimChanges
                if changes || expected != nil {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what:
                                "checker says \(r.message); explorer sees it change\(expected.map { ", a violation at depth \($0)" } ?? "")"
                        ))
                }
                continue
            }
            switch r.verdict {
            case .proved:
                out.proved += 1
                if let d = expected {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what: "checker says proved (\(r.message)); explorer finds a violation at depth \(d)"))
                    continue
                }
                if deeper == nil, complete {
                    deeper = timed(&out.seconds.deeper) {
                        Explorer(world: world, depth: depth + proofMargin).explore(
                            rules: rules, maxStates: proofStateBudget, maxTransitions: transitionBudget)
                    }
                    out.deeperDepths.append(deeper!.depthCompleted)
                }
                if let d = deeper?.violation[rule] {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what:
                                "checker says proved (\(r.message)); explorer finds a violation at depth \(d), beyond the checked depth \(depth)"
                        ))
                }
            case .holds, .notApplicable:
                if let d = expected {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what: "checker says \(r.verdict.rawValue); explorer finds a violation at depth \(d)"))
                }
            case .violated:
                out.violations += 1
                if rule == .noUnilateralControl, ex.violationThroughEscalation { out.escalations += 1 }
                guard let cex = r.counterexample else {
                    out.disagreements.append(Disagreement(rule: rule, what: "violated without counterexample"))
                    continue
                }
                let cd = cex.steps.count - 1
                if let d = expected {
                    if d != cd {
                        out.disagreements.append(
                            Disagreement(
                                rule: rule, what: "checker's shortest counterexample has depth \(cd), explorer's \(d)"))
                    }
                } else if cd <= ex.depthCompleted {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule,
                            what: "checker finds a violation at depth \(cd) (\(r.message)); explorer finds none"))
                }
                if let why = explorer.confirm(rule, cex) {
                    out.disagreements.append(
                        Disagreement(
                            rule: rule, what: "checker's counterexample is not confirmed independently: \(why)"))
                }
            case .unknown:
                out.inconclusive.append("\(rule.rawValue): unknown: \(r.message)")
            case .error:
                if rule == .noCollateralLoss && world.model.claim == nil { continue }
                out.disagreements.append(Disagreement(rule: rule, what: "checker error: \(r.message)"))
            }
        }
        return out
    }

    /// How much deeper than the checked depth the explorer looks behind a `proved`, as long as
    /// the layers stay under `proofStateBudget` states (a `proved` must meet no violation at any
    /// depth the explorer reaches; `Outcome.deeperDepths` records how deep that was).
    static let proofMargin = 2
    /// The deeper exploration behind a `proved` stops after this many states (a violation it meets
    /// before then still counts against the proof); it keeps `swift test` within CI's time.
    static let proofStateBudget = 60_000
    /// The explorer's own exploration stops after this many states (`RECOVCHECK_DIFF_STATE_BUDGET`
    /// raises it for long runs): a generated case can have millions of reachable states, and one
    /// such case ran for over an hour in CI's `swift test`. Such a case is reported inconclusive
    /// and compared only up to the depth the explorer completed.
    static let stateBudget =
        ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_STATE_BUDGET"].flatMap(Int.init) ?? 60_000
    /// Both explorations also stop after this many transitions tried (`RECOVCHECK_DIFF_TRANSITION_BUDGET`):
    /// with two maps and several account parameters one state can have thousands of candidate
    /// transitions, at about 0.2 ms each in a debug build (seed 6: 1,776 states took 1.2 million).
    static let transitionBudget =
        ProcessInfo.processInfo.environment["RECOVCHECK_DIFF_TRANSITION_BUDGET"].flatMap(Int.init) ?? 100_000

    static func depth(forSeed seed: UInt64) -> Int { [2, 3, 3, 4][Int(seed % 4)] }

    /// The program for one seed (always well-formed; regenerated until it validates).
    static func program(seed: UInt64) -> Program {
        var g = ProgramGenerator(seed: seed)
        for _ in 0..<20 {
            let p = g.program()
            if Validator().diagnose(p).isEmpty { return p }
        }
        return g.program()
    }

    // MARK: Shrinking

    /// Every program one simplification smaller than `p` (each may be ill-formed; callers validate).
    static func simplifications(_ p: Program) -> [Program] {
        var out: [Program] = []
        func edit(_ f: (inout Program) -> Void) {
            var q = p
            f(&q)
            if q != p { out.append(q) }
        }
        let m = p.models[0]
        let inc = p.incidents[0]
        let proc = p.procedures[0]
        for i in p.procedures.indices where p.procedures.count > 1 { edit { $0.procedures.remove(at: i) } }
        for i in p.incidents.indices.dropFirst() { edit { q in q.incidents.remove(at: i) } }
        for i in proc.steps.indices where proc.steps.count > 1 { edit { $0.procedures[0].steps.remove(at: i) } }
        for i in m.actions.indices { edit { $0.models[0].actions.remove(at: i) } }
        for i in inc.attacks.indices { edit { $0.incidents[0].attacks.remove(at: i) } }
        if !inc.oracles.isEmpty { edit { $0.incidents[0].oracles = [] } }
        if !inc.borrowable.isEmpty { edit { $0.incidents[0].borrowable = [] } }
        for i in inc.compromised.indices { edit { $0.incidents[0].compromised.remove(at: i) } }
        if !inc.assumptions.isEmpty { edit { $0.incidents[0].assumptions = [] } }
        for i in m.invariants.indices { edit { $0.models[0].invariants.remove(at: i) } }
        for i in m.assumptions.indices { edit { $0.models[0].assumptions.remove(at: i) } }
        for i in proc.invariants.indices { edit { $0.procedures[0].invariants.remove(at: i) } }
        edit {
            $0.procedures[0].containment = nil
            $0.procedures[0].containmentBudget = nil
        }
        edit { $0.procedures[0].blastRadius = nil }
        edit { $0.procedures[0].window = nil }
        edit { $0.procedures[0].trigger.expr = .bool(true) }
        edit { $0.models[0].claim = nil }
        for i in m.roles.indices { edit { $0.models[0].roles.remove(at: i) } }
        for i in m.keys.indices { edit { $0.models[0].keys.remove(at: i) } }
        for i in m.entities.indices { edit { $0.models[0].entities.remove(at: i) } }
        for i in m.state.indices { edit { $0.models[0].state.remove(at: i) } }
        if !m.delegations.isEmpty { edit { $0.models[0].delegations = [] } }
        for (j, st) in proc.steps.enumerated() {
            for i in st.bounds.indices { edit { $0.procedures[0].steps[j].bounds.remove(at: i) } }
            for i in st.args.indices { edit { $0.procedures[0].steps[j].args.remove(at: i) } }
            if st.within != nil { edit { $0.procedures[0].steps[j].within = nil } }
            if st.after > 0 { edit { $0.procedures[0].steps[j].after = 0 } }
        }
        for (k, a) in m.actions.enumerated() {
            for i in a.effects.indices { edit { $0.models[0].actions[k].effects.remove(at: i) } }
            for i in a.params.indices { edit { $0.models[0].actions[k].params.remove(at: i) } }
            edit { $0.models[0].actions[k].guardExpr = .bool(true) }
            if a.allowedReduction != nil { edit { $0.models[0].actions[k].allowedReduction = nil } }
            for (i, e) in a.effects.enumerated() {
                for v in smaller(e.change.value) {
                    edit { $0.models[0].actions[k].effects[i].change = e.change.replacingValue(v) }
                }
            }
            for g in smaller(a.guardExpr) { edit { $0.models[0].actions[k].guardExpr = g } }
        }
        for (k, v) in m.state.enumerated() where v.type != .bool {
            if v.max! > v.min! {
                edit { $0.models[0].state[k].max = v.max! - 1 }
                edit { $0.models[0].state[k].min = v.min! + 1 }
            }
        }
        for (k, inv) in m.invariants.enumerated() {
            for e in smaller(inv.expr) { edit { $0.models[0].invariants[k].expr = e } }
        }
        return out
    }

    /// Expressions one step simpler: a direct subexpression, or a literal.
    static func smaller(_ e: Expr?) -> [Expr] {
        guard let e else { return [] }
        switch e {
        case .apply(_, let args): return args + [.int(0), .bool(true)]
        case .select: return [.int(0)]
        case .int(let v) where v != 0: return [.int(0)]
        default: return []
        }
    }

    /// Greedily shrinks `p` while it stays well-formed and keeps disagreeing on `rule`.
    static func shrink(_ p: Program, depth: Int, rule: Rule) -> Program {
        var best = p
        var progress = true
        var budget = 400
        while progress && budget > 0 {
            progress = false
            for q in simplifications(best) {
                budget -= 1
                if budget <= 0 { break }
                guard Validator().diagnose(q).isEmpty else { continue }
                // A short solver budget: a candidate the solver cannot decide quickly is not kept.
                let o = compare(q, depth: depth, rules: rule == .sanity ? [.sanity] : [rule], timeout: 3)
                if o.disagreements.contains(where: { $0.rule == rule }) {
                    best = q
                    progress = true
                    break
                }
            }
        }
        return best
    }

    static func json(_ p: Program) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! enc.encode(p), as: UTF8.self)
    }
}

extension Effect.Change {
    /// The expression the change writes, for shrinking.
    fileprivate var value: Expr? {
        switch self {
        case .assign(_, _, let v), .assignAll(_, let v), .setThreshold(_, let v): return v
        case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom: return nil
        }
    }

    /// The same change writing `v` instead.
    fileprivate func replacingValue(_ v: Expr) -> Effect.Change {
        switch self {
        case .assign(let t, let i, _): return .assign(target: t, index: i, value: v)
        case .assignAll(let t, _): return .assignAll(target: t, value: v)
        case .setThreshold(let r, _): return .setThreshold(role: r, value: v)
        case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom: return self
        }
    }
}
