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
                r.message += " [accepted: " + accepted.map { "'\($0.role)' held by one entity — \($0.reason)" }.joined(separator: "; ") + "]"
            }
        }
        r.seconds = Date().timeIntervalSince(start)
        return r
    }

    private var procedure: Procedure { world.procedure }

    private func result(_ rule: Rule, _ v: VerdictKind, _ msg: String, location: SourceLocation? = nil) -> CheckResult {
        CheckResult(procedure: procedure.name, rule: rule, verdict: v, message: msg, depth: options.depth, location: location ?? procedure.loc)
    }

    private func makeSolver(_ ctx: Z3Context) -> Z3Solver {
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
            return result(rule, .error, "model '\(world.model.name)' declares no Claim, so no-collateral-loss cannot be checked", location: world.model.loc)
        default: break
        }
        let ctx = Z3Context()
        let solver = makeSolver(ctx)
        let unrolling = Unrolling(world: world, ctx: ctx, solver: solver, escalation: rule == .noUnilateralControl,
                                  timeAfterBlock: rule != .boundedIntervention && rule != .containmentTime)
        let encoding = PropertyEncoding(rule: rule, unrolling: unrolling, authorityEncoding: options.authorityEncoding)
        let maxDepth = encoding.needsUnrolling ? options.depth : 0
        var unknownReason: String?
        for d in 0...maxDepth {
            if d > 0 { unrolling.extend() }
            guard let v = encoding.violation(at: d) else { continue }
            let lit = ctx.boolConst("violation@\(d)")
            solver.assert(ctx.implies(lit, v))
            switch try solver.check(assuming: [lit]) {
            case .unsat: continue
            case .unknown(let why): unknownReason = unknownReason ?? "\(why) at depth \(d)"; continue
            case .sat:
                return try counterexample(rule, encoding, depth: d, literal: lit)
            }
        }
        if let why = unknownReason {
            return result(rule, .unknown, "the solver could not decide (\(why)); not a pass")
        }
        var r = holds(rule, encoding, maxDepth: maxDepth)
        if options.proofs {
            r = KInduction(world: world, options: options).upgrade(r, baseDepth: maxDepth)
            if r.verdict == .holds && InvariantProof.supports(rule) {
                // Houdini's survivors are an invariant even when they do not imply the property:
                // Spacer starts from them (and the re-check confirms them with its own invariant).
                let houdini = InvariantProof(world: world, options: options)
                let found = (try? houdini.houdini(rule)) ?? nil
                r = houdini.upgrade(r, found: found)
                if r.verdict == .holds { r = CHCProof(world: world, options: options).upgrade(r, known: found?.lemmas ?? []) }
            }
        }
        if let w = try worstCase(rule) {
            r.worstCase = w.value
            r.message += worstNote(rule, w, provedAtMost: r.verdict == .proved ? r.budget : nil)
        }
        return r
    }

    /// `provedAtMost`: a bound proved for every depth (the budget of a `proved` check). A worst case
    /// that reaches it is exact; below it, the note says both bounds.
    private func worstNote(_ rule: Rule, _ w: (value: Int, unbounded: Bool, lowerBound: Bool, growing: Bool), provedAtMost: Int? = nil) -> String {
        if w.unbounded { return "; worst case found: unbounded within depth \(options.depth)" }
        if let bound = provedAtMost, !w.unbounded {
            let v = rule == .containmentTime ? HumanDuration.text(w.value) : "\(w.value)"
            let b = rule == .containmentTime ? HumanDuration.text(bound) : "\(bound)"
            let what = rule == .containmentTime ? "uncontained for " : ""
            let tail = rule == .containmentTime ? " after the trigger" : " lost"
            if w.value == bound { return "; worst case: exactly \(what)\(v)\(tail) (reached, and proved to be the most at every depth)" }
            if w.value < bound { return "; worst case: \(what)at least \(v)\(tail) (reached) and at most \(b) (proved for every depth)" }
        }
        let growing = w.growing ? " (first reached at the last depth, \(options.depth): it may grow with --depth)" : ""
        let atLeast = w.lowerBound ? "at least " : ""
        let text = rule == .containmentTime ? "uncontained for \(atLeast)\(HumanDuration.text(w.value)) after the trigger" : "\(atLeast)\(w.value) lost"
        return "; worst case found: \(text)\(growing)"
    }

    /// The worst case over every trace up to the depth: the longest time uncontained after the
    /// trigger, or the largest loss. Found by exponential then binary search on one solver.
    private func worstCase(_ rule: Rule) throws -> (value: Int, unbounded: Bool, lowerBound: Bool, growing: Bool)? {
        guard rule == .containmentTime || rule == .blastRadius else { return nil }
        if rule == .containmentTime && (procedure.containment == nil || procedure.containmentBudget == nil) { return nil }
        if rule == .blastRadius && procedure.blastRadius == nil { return nil }
        let ctx = Z3Context()
        // Each probe is capped by a deterministic resource limit; a probe that hits it ends the
        // search with the largest value proved reachable so far.
        let solver = Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds,
                              resourceLimit: options.worstCaseResourceLimit)
        let u = Unrolling(world: world, ctx: ctx, solver: solver)
        for _ in 0..<options.depth { u.extend() }
        let t0 = u.states[0].now
        func atLeast(_ x: Int, upTo last: Int? = nil) -> Z3Expr {
            ctx.or(u.states.prefix((last ?? options.depth) + 1).map { s -> Z3Expr in
                if rule == .containmentTime { return ctx.and([ctx.not(s.contained), ctx.ge(ctx.sub(s.now, t0), ctx.int(x))]) }
                let loss = procedure.blastRadius!.loss
                return ctx.ge(ctx.sub(u.lowering.lower(loss, s), u.lowering.lower(loss, u.states[0])), ctx.int(x))
            })
        }
        func reachable(_ x: Int, upTo last: Int? = nil) throws -> Bool? {
            let lit = ctx.boolConst(ctx.fresh("worst"))
            solver.assert(ctx.implies(lit, atLeast(x, upTo: last)))
            switch try solver.check(assuming: [lit]) {
            case .sat: return true
            case .unsat: return false
            case .unknown: return nil
            }
        }
        guard let any = try reachable(0), any else { return nil }
        var lo = 0, hi = max(1, rule == .containmentTime ? (procedure.containmentBudget ?? 1) : (procedure.blastRadius?.max ?? 1))
        let ceiling = maxLiteralMagnitude
        while true {
            guard let r = try reachable(hi) else { return (lo, false, true, false) }
            if !r { break }
            lo = hi
            if hi >= ceiling {
                // Reaching the ceiling is not growing past it: a loss that is exactly the largest
                // literal (a range's bound) is that value, not unbounded.
                let (beyond, overflow) = ceiling.addingReportingOverflow(1)
                guard !overflow, let past = try reachable(beyond) else { return (lo, false, true, false) }
                if past { return (lo, true, false, false) }
                hi = beyond
                break
            }
            hi = min(ceiling, hi * 4)
        }
        // Invariant: lo is reachable, hi is not. Stop at 1% precision: the report then says "at least".
        var calls = 0
        while hi - lo > max(1, lo / 100) && calls < 24 {
            calls += 1
            let mid = lo + (hi - lo) / 2
            guard let r = try reachable(mid) else { return (lo, false, true, false) }
            if r { lo = mid } else { hi = mid }
        }
        // A worst case first reached at the last depth may only be bounded by the depth.
        let growing = options.depth > 0 && lo > 0 ? (try reachable(lo, upTo: options.depth - 1)) == false : false
        return (lo, false, hi - lo > 1, growing)
    }

    private func holds(_ rule: Rule, _ enc: PropertyEncoding, maxDepth: Int) -> CheckResult {
        let k = options.depth
        var r: CheckResult
        switch rule {
        case .noUnilateralControl:
            let roles = enc.checkedRoles.map(\.name)
            let fixed = !world.authorityIsDynamic && options.authorityEncoding == .structured
            let scope = fixed ? "for every state (authority is fixed, checked on the holder table)" : "in every state up to depth \(k)"
            let m = world.model
            let mins = Set(enc.checkedRoles.map { m.minCoalition(of: $0) })
            let what = mins.count <= 1
                ? "no coalition of fewer than \(mins.first ?? m.minCoalition) entities satisfies \(roles.joined(separator: ", "))"
                : "no coalition smaller than a role's minimum satisfies it (" + enc.checkedRoles.map { "\($0.name): \(m.minCoalition(of: $0))" }.joined(separator: ", ") + ")"
            r = result(rule, .holds, roles.isEmpty ? "no privileged role to control" : "\(what) \(scope)")
            if fixed { r.depth = 0 }
        case .boundedIntervention:
            r = result(rule, .holds, "every step writes only what it declares and stays within its bounds and deadlines, to depth \(k)")
        case .noCollateralLoss:
            r = result(rule, .holds, "no account's claim drops through another's action, to depth \(k)")
        case .containmentTime:
            r = result(rule, .holds, "contained within \(HumanDuration.text(procedure.containmentBudget ?? 0)) of the trigger on every trace, to depth \(k)")
            r.budget = procedure.containmentBudget
        case .blastRadius:
            r = result(rule, .holds, "no trace loses more than \(procedure.blastRadius?.max ?? 0), to depth \(k)")
            r.budget = procedure.blastRadius?.max
        case .invariant:
            let names = (world.model.invariants + procedure.invariants).map(\.name)
            let ranges = world.hasRanges ? "every variable stays within its declared range" : ""
            let declared = names.map { "'\($0)'" }.joined(separator: ", ")
            let what = names.isEmpty ? ranges : "every reachable state satisfies \(declared)" + (ranges.isEmpty ? "" : " and \(ranges)")
            r = result(rule, .holds, "\(what), to depth \(k)")
        case .sanity:
            r = result(rule, .holds, "assumptions consistent, every step can run, containment reachable")
        }
        return r
    }

    // MARK: Counterexamples

    private func counterexample(_ rule: Rule, _ enc: PropertyEncoding, depth d: Int, literal: Z3Expr) throws -> CheckResult {
        let u = enc.unrolling, ctx = u.ctx, solver = u.solver
        // The model that found the violation: reported (once replay-confirmed) if shrinking gives up.
        let unshrunk = try solver.model()
        var budget = options.minimizationChecks
        var assumptions = [literal]
        if d > 0 {
            let attackerMoves = ctx.add(u.transitions.map { t in
                ctx.or(u.alternatives.enumerated().filter { $0.element.byAttacker }.map { u.isAlt(t, $0.offset) })
            }.map { ctx.count($0) })
            try shrink(attackerMoves, solver, &assumptions, &budget)
        }
        try shrink(magnitude(u, depth: d), solver, &assumptions, &budget)
        let model = try shrunkModel(solver, assumptions) ?? unshrunk
        let extractor = TraceExtractor(unrolling: u, model: model)
        let trace: ExtractedTrace
        do {
            trace = try extractor.extract(depth: d)
        } catch let e as Z3Error where e.message.contains("is not a 64-bit integer") {
            // Z3's integers are mathematical: a value beyond 64 bits cannot be replayed concretely.
            return result(rule, .error, "integer overflow: the counterexample needs a value beyond 64 bits, which cannot be replayed concretely (\(e.message))", location: ruleLocation(rule))
        }
        var witness = ConcreteProperties.Witness(account: try model.int(u.account))
        if rule == .noUnilateralControl {
            witness.attackerInCoalition = try model.bool(enc.attackerInCoalition)
            for (e, b) in enc.coalition.sorted(by: { $0.key < $1.key }) where try model.bool(b) { witness.coalitionEntities.append(e) }
            if witness.attackerInCoalition { witness.coalitionEntities += world.compromised.sorted() }
        }
        // Replay on the reference evaluator; a trace that does not replay is our bug, not a finding.
        let replay = Replayer(world: world)
        let states: [State]
        do {
            states = try replay.replay(trace)
        } catch let e as ReplayError where e.reason.isOverflow {
            let t = trace.transitions[e.transition]
            return result(rule, .error, "\(e.reason.message), at transition \(e.transition + 1) (\(TraceText.describe(t, world: world)))",
                          location: location(of: t) ?? ruleLocation(rule))
        } catch let e as EvaluationError where e.isOverflow {
            return result(rule, .error, "\(e.message), in the initial state", location: ruleLocation(rule))
        } catch {
            return result(rule, .error, "internal error: counterexample does not replay on the concrete evaluator: \(error)")
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
            return result(rule, .error, "internal error: the solver's counterexample replays but does not violate \(rule.rawValue) on the concrete evaluator")
        }
        var steps = [TraceStep(transition: nil, actor: "initial state", signers: [], state: states[0], location: procedure.trigger.loc)]
        for (i, t) in trace.transitions.enumerated() {
            steps.append(TraceStep(transition: t, actor: TraceText.actor(t), signers: TraceText.signers(t, before: states[i], world: world),
                                   state: states[i + 1], location: location(of: t)))
        }
        let cex = Counterexample(summary: summary, steps: steps,
                                 account: witness.account.flatMap { a in summary.contains("#\(a)") ? a : nil },
                                 coalition: rule == .noUnilateralControl ? witness.coalitionEntities : nil,
                                 attacker: rule == .noUnilateralControl ? witness.attackerInCoalition : nil, location: loc)
        var r = result(rule, .violated, summary, location: loc)
        r.counterexample = cex
        if rule == .containmentTime { r.budget = procedure.containmentBudget }
        if rule == .blastRadius { r.budget = procedure.blastRadius?.max }
        if let w = try worstCase(rule) {
            r.worstCase = w.value
            r.message += worstNote(rule, w)
        }
        return r
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
        switch t.kind {
        case .tick: return nil
        case .step: return t.stepIndex.map { procedure.steps[$0].loc }
        case .oracle: return world.incident.oracles.first { $0.target == t.name }?.loc
        case .attack: return world.attacks.first { $0.name == t.name }?.loc
        case .action, .privileged, .coalition: return world.model.action(t.name)?.loc
        }
    }

    /// The size of a trace's values: chosen parameters, time steps, accounts and the initial state.
    private func magnitude(_ u: Unrolling, depth d: Int) -> Z3Expr {
        let ctx = u.ctx
        func abs(_ x: Z3Expr) -> Z3Expr { ctx.ite(ctx.ge(x, ctx.int(0)), x, ctx.neg(x)) }
        var terms: [Z3Expr] = [u.states[0].now, u.account]
        let s0 = u.states[0]
        for v in world.model.state {
            switch v.type {
            case .int: terms.append(abs(s0.ints[v.name]!))
            case .map: terms.append(abs(ctx.select(s0.maps[v.name]!, u.account)))
            case .bool: break
            }
        }
        for t in u.transitions.prefix(d) {
            terms.append(ctx.ite(u.isAlt(t, 0), t.duration, ctx.int(0)))
            for (k, alt) in u.alternatives.enumerated() {
                var xs = t.params[k].filter { $0.0.type != .bool }.map { abs($0.1) }
                if case .user = alt { xs.append(t.caller) }
                if let o = t.oracleValues[k] { xs.append(abs(o)) }
                if !xs.isEmpty { terms.append(ctx.ite(u.isAlt(t, k), ctx.add(xs), ctx.int(0))) }
            }
        }
        return ctx.add(terms)
    }

    /// The model of the shrunk counterexample, or nil when the solver gives up on it (the caller
    /// then reports the unshrunk one, which is replayed and re-checked all the same).
    private func shrunkModel(_ solver: Z3Solver, _ assumptions: [Z3Expr]) throws -> Z3Model? {
        if faults.shrinkGivesUp { return nil }
        guard try solver.check(assuming: assumptions) == .sat else { return nil }
        return try solver.model()
    }

    /// Binary search for the least value of `objective` (non-negative) that still satisfies the
    /// assumptions; pins it by adding `objective <= best` to `assumptions`.
    private func shrink(_ objective: Z3Expr, _ solver: Z3Solver, _ assumptions: inout [Z3Expr], _ budget: inout Int) throws {
        let ctx = solver.context
        if faults.shrinkGivesUp { return }
        guard try solver.check(assuming: assumptions) == .sat else { return }
        // A first model may hold values beyond 64 bits: then search down from the largest Int.
        var best = (try? solver.model().int(objective)) ?? Int.max
        var lo = 0
        while lo < best && budget > 0 {
            budget -= 1
            let mid = lo + (best - lo) / 2
            let bound = ctx.boolConst(ctx.fresh("shrink"))
            solver.assert(ctx.implies(bound, ctx.le(objective, ctx.int(mid))))
            switch try solver.check(assuming: assumptions + [bound]) {
            case .sat: best = (try? solver.model().int(objective)) ?? mid
            case .unsat: lo = mid + 1
            case .unknown: lo = best
            }
        }
        let pin = ctx.boolConst(ctx.fresh("pin"))
        solver.assert(ctx.implies(pin, ctx.le(objective, ctx.int(best))))
        assumptions.append(pin)
    }

    // MARK: Sanity

    private func checkSanity() throws -> CheckResult {
        let ctx = Z3Context()
        let solver = makeSolver(ctx)
        let u = Unrolling(world: world, ctx: ctx, solver: solver)
        switch try solver.check() {
        case .unsat:
            return result(.sanity, .error, "the model's and incident's assumptions, initial values and the trigger (\(procedure.trigger.expr)) contradict each other: no initial state exists", location: procedure.trigger.loc)
        case .unknown(let why):
            return result(.sanity, .unknown, "the solver could not decide whether an initial state exists (\(why))")
        case .sat: break
        }
        if let c = procedure.containment {
            switch try VacuityCovers.containedAtTrigger(u) {
            case true?:
                return result(.sanity, .error, "the containment condition \(c.expr) already holds whenever the trigger (\(procedure.trigger.expr)) holds: containment-time would pass vacuously", location: c.loc)
            case nil: return result(.sanity, .unknown, "the solver could not decide whether the containment condition can be false at the trigger", location: c.loc)
            case false?: break
            }
        }
        var covers = VacuityCovers(unrolling: u)
        let steps = procedure.steps
        var reached = Array(repeating: false, count: steps.count)
        var containmentReached = procedure.containment == nil
        var unknown: String?
        for d in 0...options.depth {
            if d > 0 { u.extend(); try covers.coverLastTransition() }
            let s = u.states[d]
            for j in steps.indices where !reached[j] && d > j {
                let lit = ctx.boolConst(ctx.fresh("reach"))
                solver.assert(ctx.implies(lit, ctx.gt(s.pc, ctx.int(j))))
                switch try solver.check(assuming: [lit]) {
                case .sat: reached[j] = true
                case .unsat: break
                case .unknown(let why): unknown = why
                }
            }
            if !containmentReached {
                let lit = ctx.boolConst(ctx.fresh("contain"))
                solver.assert(ctx.implies(lit, s.contained))
                switch try solver.check(assuming: [lit]) {
                case .sat: containmentReached = true
                case .unsat: break
                case .unknown(let why): unknown = why
                }
            }
            if reached.allSatisfy({ $0 }) && containmentReached && covers.done { break }
        }
        if let j = reached.firstIndex(of: false) {
            if let why = unknown { return result(.sanity, .unknown, "could not decide whether step '\(steps[j].name)' can run (\(why))", location: steps[j].loc) }
            if try blockedAt(j) { return result(.sanity, .holds, Self.blockedMessage(steps[j]), location: steps[j].loc) }
            return result(.sanity, .error, "step '\(steps[j].name)' can never run within depth \(options.depth): its guard, its authority (honest holders of '\(steps[j].role)') or its timing cannot be met, so every property would pass vacuously", location: steps[j].loc)
        }
        if !containmentReached, let c = procedure.containment {
            if let why = unknown { return result(.sanity, .unknown, "could not decide whether containment is reachable (\(why))", location: c.loc) }
            return result(.sanity, .error, "the containment condition \(c.expr) is never reached within depth \(options.depth)", location: c.loc)
        }
        if let (_, attack) = covers.pendingAttacks.first {
            if let why = covers.unknown { return result(.sanity, .unknown, "could not decide whether attack '\(attack.name)' can fire (\(why))", location: attack.loc) }
            return result(.sanity, .error, try attackNeverFires(attack), location: attack.loc)
        }
        let attacks = world.attacks.isEmpty ? "" : ", every attack can fire"
        return result(.sanity, .holds, "assumptions consistent, all \(steps.count) step(s) can run\(procedure.containment == nil ? "" : ", containment reachable")\(attacks)")
    }

    private static func parenthesized(_ e: Expr) -> String {
        let t = "\(e)"
        return t.hasPrefix("(") ? t : "(\(t))"
    }

    /// Why `attack` never fires, naming the trigger or assumptions that rule it out.
    private func attackNeverFires(_ attack: Action) throws -> String {
        let head = "attack '\(attack.name)' can never fire within depth \(options.depth), so every verdict about the incident would be vacuous"
        let blamed = try VacuityCovers.blame(attack, world: world, depth: options.depth, timeoutMs: options.timeoutMilliseconds)
        if blamed.isEmpty { return head + ": its while: condition or its guard is never met in a reachable state" }
        let names = blamed.map { a in
            (a == procedure.trigger ? "the trigger \(Self.parenthesized(a.expr))" : "assumption '\(a.name)' \(Self.parenthesized(a.expr))")
                + " at \(URL(fileURLWithPath: a.loc.file).lastPathComponent):\(a.loc.line)"
        }
        return head + ": ruled out by " + names.joined(separator: " and by ")
    }
}
