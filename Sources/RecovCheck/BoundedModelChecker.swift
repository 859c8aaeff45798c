import Foundation
import RecovIR
import RecovSMT

/// Checks one property of one procedure by bounded model checking: the shortest violating trace
/// (found depth by depth on one incremental solver), shrunk to small values, replayed on the
/// concrete evaluator, and described in the model's terms.
public struct BoundedModelChecker: Sendable {
    public let world: World
    public let options: CheckOptions
    /// Simulated solver faults, for tests.
    var faults = SolverFaults()

    public init(world: World, options: CheckOptions) {
        self.world = world
        self.options = options
    }

    /// Runs the check for `rule`. Never throws: solver errors become `error`, give-ups `unknown`.
    public func check(_ rule: Rule) -> CheckResult {
        let start = Date()
        let startCPU = SolverClock.threadSeconds
        var r: CheckResult
        do {
            r = try (rule == .sanity ? checkSanity() : checkProperty(rule))
        } catch let e as Z3Error {
            r = result(rule, .error, "solver error: \(e.message)")
        } catch {
            r = result(rule, .error, "internal error: \(error)")
        }
        if rule == .noUnilateralControl {
            let accepted = AcceptedRole.of(world)
            if !accepted.isEmpty {
                // In the message too, so every format (text, SARIF, JUnit, HTML) shows what was accepted.
                r.acceptedUnilateral = accepted
                r.message +=
                    " [accepted: "
                    + accepted.map { "'\($0.role)' held by one entity — \($0.reason)" }.joined(separator: "; ") + "]"
            }
        }
        r.seconds = Date().timeIntervalSince(start)
        r.cpuSeconds = max(0, SolverClock.threadSeconds - startCPU)
        return r
    }

    var procedure: Procedure { world.procedure }

    func result(_ rule: Rule, _ v: VerdictKind, _ msg: String, location: SourceLocation? = nil) -> CheckResult {
        CheckResult(
            procedure: procedure.name, rule: rule, verdict: v, message: msg, depth: options.depth,
            location: location ?? procedure.loc)
    }

    func makeSolver(_ ctx: Z3Context) -> Z3Solver {
        Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds)
    }

    // MARK: Properties

    private func checkProperty(_ rule: Rule) throws -> CheckResult {
        switch rule {
        case .containmentTime where procedure.containmentBudget == nil:
            return result(rule, .notApplicable, "no containment budget declared")
        case .blastRadius where procedure.blastRadius == nil:
            return result(rule, .notApplicable, "no blast-radius budget declared")
        case .invariant where world.model.invariants.isEmpty && procedure.invariants.isEmpty && !world.hasRanges:
            return result(rule, .notApplicable, "no invariants or ranged variables declared")
        case .noCollateralLoss where world.model.claim == nil:
            return result(
                rule, .error, "model '\(world.model.name)' declares no Claim, so no-collateral-loss cannot be checked",
                location: world.model.loc)
        default: break
        }
        if rule == .blastRadius, let (why, location) = UnwrittenReads.blastRadiusVacuity(in: world) {
            return result(rule, .error, why, location: location)
        }
        if rule == .noCollateralLoss, let why = UnwrittenReads.claimNeverChanges(in: world) {
            return result(rule, .notApplicable, why, location: world.model.claim?.loc)
        }
        let encoding = self.encoding(rule, solver: makeSolver(Z3Context()))
        let maxDepth = encoding.needsUnrolling ? options.depth : 0
        var unknownReason: String?
        for d in 0...maxDepth {
            if d > 0 { encoding.unrolling.extend() }
            guard let (answer, lit) = try violation(encoding, at: d) else { continue }
            switch answer {
            case .unsat: continue
            case .unknown(let why):
                unknownReason = unknownReason ?? "\(why) at depth \(d)"
                continue
            case .sat:
                return try counterexample(rule, encoding, depth: d, literal: lit)
            }
        }
        if let why = unknownReason {
            return result(rule, .unknown, "the solver could not decide (\(why)); not a pass")
        }
        var r = holds(rule, encoding, maxDepth: maxDepth)
        var derived: Int?
        if options.proofs {
            r = KInduction(world: world, options: options).upgrade(r, baseDepth: maxDepth)
            if r.verdict == .holds && InvariantProof.supports(rule, in: world) {
                // Houdini's survivors are an invariant even when they do not imply the property:
                // Spacer starts from them (and the re-check confirms them with its own invariant).
                let houdini = InvariantProof(world: world, options: options)
                let found = (try? houdini.houdini(rule)) ?? nil
                r = houdini.upgrade(r, found: found)
                if r.verdict == .holds {
                    (r, derived) = CHCProof(world: world, options: options).upgrade(r, known: found?.lemmas ?? [])
                }
            }
        }
        if let n = derived, n > maxDepth, encoding.needsUnrolling {
            // Spacer derives a violation later than the depth asked for: a trace of that length is
            // looked for, since a pass would hide it; its derivation is over an abstraction, so
            // only a trace that replays is a violation.
            let limit = Self.confirmationLimit(maxDepth)
            var gaveUp: String?
            if n <= limit {
                let search = try violationPastDepth(rule, derivedAfter: n)
                if let cex = search.counterexample { return cex }
                gaveUp = search.gaveUp
            }
            let outcome: String
            if n > limit {
                outcome = "that is past the \(limit) transitions searched"
            } else if let why = gaveUp {
                outcome = "the search for a trace of that length gave up (\(why))"
            } else {
                outcome = "no trace of up to \(n) transitions violates it"
            }
            r.message +=
                "; not proved: Spacer (CHC) derives a violation after \(n) transitions over an abstraction of the state, and "
                + outcome + " (try --depth \(n))"
        }
        let search = WorstCaseSearch(world: world, options: options)
        if let w = try search.find(rule) {
            r.worstCase = w.value
            r.message += search.note(rule, w, provedAtMost: r.verdict == .proved ? r.budget : nil)
        }
        return r
    }

    /// The property encoding of `rule` over a new unrolling on `solver` (depth 0).
    private func encoding(_ rule: Rule, solver: Z3Solver) -> PropertyEncoding {
        let unrolling = Unrolling(
            world: world, ctx: solver.context, solver: solver, escalation: rule == .noUnilateralControl,
            timeAfterBlock: Unrolling.timeAfterBlock(for: rule),
            naiveAuthority: options.authorityEncoding == .naive)
        return PropertyEncoding(rule: rule, unrolling: unrolling, authorityEncoding: options.authorityEncoding)
    }

    /// Whether the property can fail at depth `d` of `encoding`'s unrolling (already extended to
    /// it): the solver's answer under a fresh literal that implies the violation, and that literal;
    /// nil when nothing can fail there.
    private func violation(_ encoding: PropertyEncoding, at d: Int) throws -> (SatResult, literal: Z3Expr)? {
        guard let v = encoding.violation(at: d) else { return nil }
        let ctx = encoding.unrolling.ctx
        let solver = encoding.unrolling.solver
        let lit = ctx.boolConst("violation@\(d)")
        solver.assert(ctx.implies(lit, v))
        return (try solver.check(assuming: [lit]), lit)
    }

    /// How deep the search for a violation Spacer derives past `--depth` goes.
    static func confirmationLimit(_ depth: Int) -> Int { depth + max(10, min(depth * 2, 30)) }

    /// The shortest violation deeper than `--depth`, up to `n` transitions (where Spacer derives
    /// one), each depth under `confirmationResourceLimit` so the answer does not depend on the
    /// machine's speed; no counterexample when there is none, or when the solver gave up (`gaveUp`:
    /// its reason, a resource limit or the wall-clock `--timeout`).
    private func violationPastDepth(_ rule: Rule, derivedAfter n: Int) throws -> (
        counterexample: CheckResult?, gaveUp: String?
    ) {
        let depth = options.depth
        let encoding = self.encoding(
            rule,
            solver: Z3Solver(
                Z3Context(), timeoutMs: options.timeoutMilliseconds,
                resourceLimit: options.confirmationResourceLimit))
        for d in 1...n {
            encoding.unrolling.extend()
            guard d > depth, let (answer, lit) = try violation(encoding, at: d) else { continue }
            switch answer {
            case .unsat: continue
            case .unknown(let why): return (nil, "\(why) at depth \(d)")
            case .sat:
                var r = try counterexample(rule, encoding, depth: d, literal: lit, worstCase: false)
                guard r.verdict == .violated else { return (r, nil) }
                r.depth = d
                r.message +=
                    " (at depth \(d), past --depth \(depth): Spacer (CHC) derived that the property can fail after \(n) transitions, and this trace confirms it)"
                return (r, nil)
            }
        }
        return (nil, nil)
    }

    private func holds(_ rule: Rule, _ enc: PropertyEncoding, maxDepth: Int) -> CheckResult {
        let k = options.depth
        var r: CheckResult
        switch rule {
        case .noUnilateralControl:
            let roles = enc.checkedRoles.map(\.name)
            let fixed = !world.authorityIsDynamic && options.authorityEncoding == .structured
            let scope =
                fixed
                ? "for every state (authority is fixed, checked on the holder table)"
                : "in every state up to depth \(k)"
            let m = world.model
            let mins = Set(enc.checkedRoles.map { m.minCoalition(of: $0) })
            let what =
                mins.count <= 1
                ? "no coalition of fewer than \(mins.first ?? m.minCoalition) entities satisfies \(roles.joined(separator: ", "))"
                : "no coalition smaller than a role's minimum satisfies it ("
                    + enc.checkedRoles.map { "\($0.name): \(m.minCoalition(of: $0))" }.joined(separator: ", ") + ")"
            r = result(rule, .holds, roles.isEmpty ? "no privileged role to control" : "\(what) \(scope)")
            if fixed { r.depth = 0 }
        case .boundedIntervention:
            r = result(
                rule, .holds,
                "every step writes only what it declares and stays within its bounds and deadlines, to depth \(k)")
        case .noCollateralLoss:
            r = result(rule, .holds, "no account's claim drops through another's action, to depth \(k)")
        case .containmentTime:
            r = result(
                rule, .holds,
                "contained within \(HumanDuration.text(procedure.containmentBudget ?? 0)) of the trigger on every trace, to depth \(k)"
            )
            r.budget = procedure.containmentBudget
        case .blastRadius:
            if let w = procedure.blastRadius.flatMap(BudgetWindows.init) {
                r = result(
                    rule, .holds,
                    "no \(w.kind.rawValue) window of \(HumanDuration.text(w.per)) loses more than \(w.budget.max), to depth \(k)"
                )
            } else {
                r = result(rule, .holds, "no trace loses more than \(procedure.blastRadius?.max ?? 0), to depth \(k)")
            }
            r.budget = procedure.blastRadius?.max
        case .invariant:
            let names = (world.model.invariants + procedure.invariants).map(\.name)
            let ranges = world.hasRanges ? "every variable stays within its declared range" : ""
            let declared = names.map { "'\($0)'" }.joined(separator: ", ")
            let what =
                names.isEmpty
                ? ranges : "every reachable state satisfies \(declared)" + (ranges.isEmpty ? "" : " and \(ranges)")
            r = result(rule, .holds, "\(what), to depth \(k)")
        case .sanity:
            r = result(rule, .holds, "assumptions consistent, every step can run, containment reachable")
        }
        return r
    }

    // MARK: Counterexamples

    /// `worstCase`: also search the worst case within `--depth` (not for a violation found past it).
    private func counterexample(
        _ rule: Rule, _ enc: PropertyEncoding, depth d: Int, literal: Z3Expr, worstCase: Bool = true
    ) throws -> CheckResult {
        let u = enc.unrolling
        var shrinker = CounterexampleShrinker(world: world, budget: options.minimizationChecks, faults: faults)
        let model = try shrinker.smallest(u, depth: d, literal: literal)
        let extractor = TraceExtractor(unrolling: u, model: model)
        let trace: ExtractedTrace
        do {
            trace = try extractor.extract(depth: d)
        } catch let e as Z3Error where e.message.contains("is not a 64-bit integer") {
            // Z3's integers are mathematical: a value beyond 64 bits cannot be replayed concretely.
            return result(
                rule, .error,
                "integer overflow: the counterexample needs a value beyond 64 bits, which cannot be replayed concretely (\(e.message))",
                location: ruleLocation(rule))
        }
        let witness = try self.witness(rule, enc, model)
        // Replay on the reference evaluator; a trace that does not replay is our bug, not a finding.
        let replay = Replayer(world: world)
        let states: [State]
        do {
            states = try replay.replay(trace)
        } catch ReplayError.transitionNotAllowed(let i, let reason) where reason.isOverflow {
            let t = trace.transitions[i]
            return result(
                rule, .error,
                "\(reason.message), at transition \(i + 1) (\(TraceText.describe(t, world: world)))",
                location: location(of: t) ?? ruleLocation(rule))
        } catch let e as EvaluationError where e.isOverflow {
            return result(rule, .error, "\(e.message), in the initial state", location: ruleLocation(rule))
        } catch {
            return result(
                rule, .error, "internal error: counterexample does not replay on the concrete evaluator: \(error)")
        }
        let checker = ConcreteProperties(world: world)
        let found: (String, SourceLocation)?
        do {
            found = try checker.violation(rule, states: states, transitions: trace.transitions, witness: witness)
        } catch let e where e.isOverflow {
            return result(rule, .error, "\(e.message), re-checking \(rule.rawValue)", location: ruleLocation(rule))
        } catch {
            return result(rule, .error, "internal error: cannot re-check the counterexample concretely: \(error)")
        }
        guard let (summary, loc) = found else {
            return result(
                rule, .error,
                "internal error: the solver's counterexample replays but does not violate \(rule.rawValue) on the concrete evaluator"
            )
        }
        let cex = Counterexample(
            summary: summary, steps: traceSteps(trace.transitions, states),
            account: witness.account.flatMap { a in summary.contains("#\(a)") ? a : nil },
            coalition: rule == .noUnilateralControl ? witness.coalitionEntities : nil,
            attacker: rule == .noUnilateralControl ? witness.attackerInCoalition : nil, location: loc)
        var r = result(rule, .violated, summary, location: loc)
        r.counterexample = cex
        if rule == .containmentTime { r.budget = procedure.containmentBudget }
        if rule == .blastRadius { r.budget = procedure.blastRadius?.max }
        let search = WorstCaseSearch(world: world, options: options)
        if worstCase, let w = try search.find(rule, reached: reachedValue(rule, states)) {
            r.worstCase = w.value
            r.message += search.note(rule, w)
        }
        return r
    }

    /// What the replayed counterexample itself reaches, in the worst-case search's terms: the
    /// longest time uncontained after the trigger, or the largest whole-trace loss (nil for a budget
    /// per period, or when the loss cannot be evaluated). The worst case is never reported below it.
    private func reachedValue(_ rule: Rule, _ states: [State]) -> Int? {
        guard let first = states.first else { return nil }
        switch rule {
        case .containmentTime:
            return states.filter { !$0.contained }.compactMap { s -> Int? in
                let (d, overflow) = s.now.subtractingReportingOverflow(first.now)
                return overflow ? nil : d
            }.max()
        case .blastRadius:
            guard let br = procedure.blastRadius, br.per == nil else { return nil }
            let ev = Evaluator(world: world)
            guard let l0 = try? ev.int(br.loss, first) else { return nil }
            return states.compactMap { s -> Int? in
                guard let l = try? ev.int(br.loss, s) else { return nil }
                let (d, overflow) = l.subtractingReportingOverflow(l0)
                return overflow ? nil : d
            }.max()
        default:
            return nil
        }
    }

    /// What the solver's model claims beyond the trace: the representative account and, for
    /// `no-unilateral-control`, the coalition (compromised entities included when the attacker is in it).
    private func witness(_ rule: Rule, _ enc: PropertyEncoding, _ model: Z3Model) throws -> ConcreteProperties.Witness {
        var witness = ConcreteProperties.Witness(account: try model.int(enc.unrolling.account))
        if rule == .noUnilateralControl {
            witness.attackerInCoalition = try model.bool(enc.attackerInCoalition)
            for (e, b) in enc.coalition.sorted(by: { $0.key < $1.key }) where try model.bool(b) {
                witness.coalitionEntities.append(e)
            }
            if witness.attackerInCoalition { witness.coalitionEntities += world.compromised.sorted() }
        }
        return witness
    }

    /// The reported steps of a replayed trace: the initial state, then one per transition.
    private func traceSteps(_ transitions: [Transition], _ states: [State]) -> [TraceStep] {
        var steps = [TraceStep(transition: nil, signers: [], state: states[0], location: procedure.trigger.loc)]
        for (i, t) in transitions.enumerated() {
            steps.append(
                TraceStep(
                    transition: t, signers: Signer.of(t, before: states[i], world: world),
                    state: states[i + 1], location: location(of: t)))
        }
        return steps
    }

    /// The declaration a rule checks, for errors about the rule as a whole.
    private func ruleLocation(_ rule: Rule) -> SourceLocation {
        switch rule {
        case .blastRadius: return procedure.blastRadius?.loc ?? procedure.loc
        case .containmentTime: return procedure.containment?.loc ?? procedure.loc
        case .invariant: return (world.model.invariants + procedure.invariants).first?.loc ?? world.model.loc
        case .noCollateralLoss: return world.model.claim?.loc ?? world.model.loc
        default: return procedure.loc
        }
    }

    private func location(of t: Transition) -> SourceLocation? {
        switch t {
        case .tick: return nil
        case .step(_, let j, _, _): return procedure.steps[j].loc
        case .oracle(let target, _): return world.incident.oracles.first { $0.target == target }?.loc
        case .attack(let name, _): return world.attacks.first { $0.name == name }?.loc
        case .action(let name, _, _), .privileged(let name, _, _), .coalition(let name, _, _, _, _),
            .insider(let name, _, _, _):
            return world.model.action(name)?.loc
        }
    }
}
