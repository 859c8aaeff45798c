import Foundation
import RecovIR
import RecovSMT

/// Proofs for every depth by an inductive invariant, for checks k-induction cannot prove: the
/// budgets measured from the trigger (`containment-time`, `blast-radius`, the window and maximum
/// durations of `bounded-intervention`) and properties that need a stronger invariant.
///
/// The invariant is a conjunction of `Lemma`s, found by Houdini: start from every candidate of a
/// fixed set of templates (the procedure's timing skeleton, flags per step, variables against their
/// values at the trigger, ranges, declared invariants, the property itself), drop those false in
/// some initial state, then repeatedly drop those that some transition from a state satisfying all
/// the others falsifies, until the rest is inductive. The proof holds when that invariant implies the
/// property. Nothing is reported `proved` before `InvariantCheck` confirms, in fresh Z3 contexts,
/// that the invariant holds initially, is inductive and implies the property.
struct InvariantProof {
    let world: World
    let options: CheckOptions

    static func supports(_ rule: Rule) -> Bool { rule != .sanity && rule != .noUnilateralControl }
    /// `supports(rule)`, except a per-period blast-radius budget: it compares pairs of states of a
    /// trace, which a frame of one state, its successor and the values at the trigger cannot
    /// express, so it stays bounded.
    static func supports(_ rule: Rule, in world: World) -> Bool {
        supports(rule) && !(rule == .blastRadius && world.procedure.blastRadius?.per != nil)
    }

    /// The candidate lemmas for `rule`, in search order, each once.
    func candidates(_ rule: Rule) -> [Lemma] {
        var c = timingLemmas() + variableLemmas() + declaredLemmas() + relationLemmas()
        c += (world.model.assumptions + world.incident.assumptions).indices.map { Lemma.assumedAtTrigger($0) }
        if let br = world.procedure.blastRadius { c += [.lossAtMost(0), .lossAtMost(br.max)] }
        var seen = Set<Lemma>()
        return c.filter { seen.insert($0).inserted }
    }

    /// The property, then the clock, the program counter and the steps' times (each bounded by the
    /// sum of the deadlines before it, while that sum stays small), and containment after each step.
    private func timingLemmas() -> [Lemma] {
        let n = world.procedure.steps.count
        var c: [Lemma] = [
            .property, .triggerTimeNotNegative, .clockNotBeforeLastStep, .lastStepNotBeforeTrigger,
            .programCounterInRange, .beforeDeadline, .notBlocked,
        ]
        let eval = Evaluator(world: world)
        var sum = 0
        var overflow = false
        for j in 0...n {
            if !overflow { c.append(.lastStepBy(pc: j, seconds: sum)) }
            if j < n {
                let (s, o) = sum.addingReportingOverflow(eval.deadline(j))
                if o || s > 1_000_000_000_000_000_000 { overflow = true } else { sum = s }
            }
        }
        for j in 0..<n { c += [.stepPending(j), .stepJustRan(j), .stepRan(j)] }
        // The previous step ran at most the sum of the deadlines in between after step i.
        for i in 0..<n {
            var since = 0
            for j in (i + 2)..<(n + 1) {
                let (s, o) = since.addingReportingOverflow(eval.deadline(j - 1))
                if o || s > 1_000_000_000_000_000_000 { break }
                since = s
                c.append(.lastStepSince(step: i, pc: j, seconds: since))
            }
        }
        if world.procedure.containment != nil { for j in 0..<n { c.append(.containedAfter(j)) } }
        return c
    }

    /// Per state variable: a flag's value from each step on, an integer's movement since the
    /// trigger (until each step), declared ranges and values at the trigger.
    private func variableLemmas() -> [Lemma] {
        let n = world.procedure.steps.count
        var c: [Lemma] = []
        for v in world.model.state {
            switch v.type {
            case .bool:
                c += [
                    .flag(v.name, value: true, pc: 0, orLater: true), .flag(v.name, value: false, pc: 0, orLater: true),
                ]
                for j in 0...n {
                    for value in [true, false] {
                        c.append(.flag(v.name, value: value, pc: j, orLater: false))
                        if j > 0 && j < n { c.append(.flag(v.name, value: value, pc: j, orLater: true)) }
                    }
                }
            case .int:
                c += [.sinceTrigger(v.name, .atMost), .sinceTrigger(v.name, .atLeast), .sinceTrigger(v.name, .equal)]
                if v.min != nil || v.max != nil || v.initial != nil { c.append(.declaredAtTrigger(v.name)) }
                for j in 0..<n {
                    c += [
                        .untilStep(v.name, .atMost, step: j), .untilStep(v.name, .atLeast, step: j),
                        .untilStep(v.name, .equal, step: j),
                    ]
                }
                if v.min != nil || v.max != nil { c.append(.range(v.name)) }
            case .map:
                if v.min != nil || v.max != nil { c.append(.range(v.name)) }
            }
        }
        return c
    }

    /// Sums of two integers conserved, then what the spec declares: its invariants, the trigger at
    /// the trigger, its assumptions.
    private func declaredLemmas() -> [Lemma] {
        let p = world.procedure
        let ints = world.model.state.filter { $0.type == .int }.map(\.name)
        var c: [Lemma] = []
        for (i, a) in ints.enumerated() { for b in ints[(i + 1)...] { c.append(.sumConserved(a, b)) } }
        for k in (world.model.invariants + p.invariants).indices { c.append(.declaredInvariant(k)) }
        c.append(.triggeredAtTrigger)
        for k in (world.model.assumptions + world.incident.assumptions).indices { c.append(.assumptionHolds(k)) }
        return c
    }

    /// Values that stay as they were until a step: maps at their initial value, one integer's
    /// movement bounded by another's, key holders (when authority can change).
    private func relationLemmas() -> [Lemma] {
        let n = world.procedure.steps.count
        let ints = world.model.state.filter { $0.type == .int }.map(\.name)
        var c: [Lemma] = []
        for v in world.model.state where v.type == .map && v.initial != nil {
            c.append(.mapAtInitial(v.name, untilStep: nil))
            for j in 0..<n { c.append(.mapAtInitial(v.name, untilStep: j)) }
        }
        for a in ints {
            for b in ints where a != b {
                c.append(.tracks(a, b, untilStep: nil))
                for j in 0..<n { c.append(.tracks(a, b, untilStep: j)) }
            }
        }
        if world.authorityIsDynamic {
            for k in AuthorityWrites(world).keys.sorted() {
                c.append(.keyHolder(k, untilStep: nil))
                for j in 0..<n { c.append(.keyHolder(k, untilStep: j)) }
            }
        }
        return c
    }

    private func solver(_ ctx: Z3Context) -> Z3Solver {
        Z3Solver(
            ctx, timeoutMs: options.timeoutMilliseconds,
            resourceLimit: options.proofResourceLimit)
    }

    /// `RECOV_DEBUG_INVARIANT=1`: the search's steps on standard error (which lemma fell, by which move).
    /// Read once: the search calls `debug` for every lemma it drops.
    private static let debugging = ProcessInfo.processInfo.environment["RECOV_DEBUG_INVARIANT"] != nil
    private func debug(_ s: @autoclosure () -> String) {
        if Self.debugging { FileHandle.standardError.write(Data((s() + "\n").utf8)) }
    }

    /// What the Houdini search found: the candidates that survived (an inductive invariant, as far
    /// as the search's own solver can tell), and whether they imply the property.
    struct Found {
        var lemmas: [Lemma]
        var provesProperty: Bool
    }

    /// The Houdini search. Nil: no invariant from these templates implies the property (or the
    /// solver gave up).
    func search(_ rule: Rule) throws -> [Lemma]? {
        guard let found = try houdini(rule), found.provesProperty else { return nil }
        return found.lemmas
    }

    /// The Houdini search's survivors, whether or not they imply the property (the CHC engine
    /// starts from them). Nil: the solver gave up, or the step frame cannot be left free.
    func houdini(_ rule: Rule) throws -> Found? {
        var active = candidates(rule)
        // 1. Initiation: keep what every initial state satisfies.
        do {
            let ctx = Z3Context()
            let s = solver(ctx)
            let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: .initial)
            let at0 = Dictionary(uniqueKeysWithValues: active.map { ($0, f.lower($0, at: 0)) })
            guard
                try drop(
                    &active, solver: s, holds: { at0[$0]! }, assumptions: { _ in [] }, debugInfo: { _ in "initiation" })
            else {
                debug("init gave up")
                return nil
            }
        }
        // 2. Consecution: drop what a transition from the conjunction of the rest falsifies.
        let ctx = Z3Context()
        let s = solver(ctx)
        let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: .step)
        guard f.sound else {
            debug("\(rule): step frame not sound")
            return nil
        }
        var hyp: [Lemma: Z3Expr] = [:]
        var next: [Lemma: Z3Expr] = [:]
        var nextLit: [Lemma: Z3Expr] = [:]
        for (i, l) in active.enumerated() {
            let a = ctx.boolConst("lemma.\(i)@0")
            let b = ctx.boolConst("lemma.\(i)@1")
            let x1 = f.lower(l, at: 1)
            s.assert(ctx.implies(a, f.lower(l, at: 0)))
            s.assert(ctx.implies(b, x1))
            hyp[l] = a
            next[l] = x1
            nextLit[l] = b
        }
        guard
            try drop(
                &active, solver: s, holds: { next[$0]! }, assumptions: { $0.map { hyp[$0]! } },
                debugInfo: { m in
                    let u = f.unrolling
                    let t = u.transitions[0]
                    let sel = (try? m.int(t.selector)) ?? -1
                    let alt =
                        sel >= 0 && sel < u.alternatives.count
                        ? (u.alternatives[sel].action?.name ?? "\(u.alternatives[sel])") : "?"
                    return
                        "via \(alt) pc=\((try? m.int(u.states[0].pc)) ?? -9) now=\((try? m.int(u.states[0].now)) ?? -9) last=\((try? m.int(u.states[0].last)) ?? -9) t0=\((try? m.int(f.lowering.origin.now)) ?? -9)"
                })
        else {
            debug("\(world.procedure.name) \(rule): consecution gave up")
            return nil
        }
        // 3. The invariant (in both states of the transition) implies the property.
        let goal = ctx.boolConst(ctx.fresh("violation"))
        s.assert(ctx.implies(goal, f.violation()))
        switch try s.check(assuming: active.map { hyp[$0]! } + active.map { nextLit[$0]! } + [goal]) {
        case .unsat: return Found(lemmas: Self.tidy(active), provesProperty: true)
        case .sat, .unknown:
            debug(
                "\(world.procedure.name) \(rule): the invariant does not imply the property; survivors: \(active.map { $0.text(world) })"
            )
            return Found(lemmas: Self.tidy(active), provesProperty: false)
        }
    }

    /// Without the comparisons with the trigger that an equality surviving beside them already says
    /// (a weaker conjunct of the same invariant; the re-check confirms what is left).
    static func tidy(_ lemmas: [Lemma]) -> [Lemma] {
        let equal = Set(
            lemmas.compactMap { l -> String? in
                if case .sinceTrigger(let n, .equal) = l { return n }
                return nil
            })
        let always = Set(
            lemmas.compactMap { l -> String? in
                if case .sinceTrigger(let n, let c) = l { return "\(n) \(c.rawValue)" }
                return nil
            })
        let equalUntil = Set(
            lemmas.compactMap { l -> String? in
                if case .untilStep(let n, .equal, let j) = l { return "\(n) \(j)" }
                return nil
            })
        return lemmas.filter { l in
            if case .sinceTrigger(let n, let c) = l, c != .equal, equal.contains(n) { return false }
            if case .untilStep(let n, let c, let j) = l {
                if always.contains("\(n) \(c.rawValue)") || equal.contains(n) { return false }
                if c != .equal, equalUntil.contains("\(n) \(j)") { return false }
            }
            return true
        }
    }

    /// Drops from `active` the lemmas that some model of `assumptions() ∧ ¬⋀ holds(active)` falsifies,
    /// until no such model exists. False: the solver gave up.
    private func drop(
        _ active: inout [Lemma], solver s: Z3Solver, holds: (Lemma) -> Z3Expr, assumptions: ([Lemma]) -> [Z3Expr],
        debugInfo: ((Z3Model) -> String)? = nil
    ) throws -> Bool {
        let ctx = s.context
        var rounds = 0
        while !active.isEmpty {
            rounds += 1
            if rounds > 400 { return false }
            let lit = ctx.boolConst(ctx.fresh("houdini"))
            s.assert(ctx.implies(lit, ctx.not(ctx.and(active.map(holds)))))
            switch try s.check(assuming: assumptions(active) + [lit]) {
            case .unsat: return true
            case .unknown: return false
            case .sat:
                let m = try s.model()
                var falsified: Set<Lemma> = []
                var undecided: [Lemma] = []
                for l in active {
                    do { if try !m.bool(holds(l)) { falsified.insert(l) } } catch { undecided.append(l) }
                }
                if falsified.isEmpty {
                    // The model cannot evaluate some lemma (a quantifier): ask about each alone.
                    for l in undecided {
                        let one = ctx.boolConst(ctx.fresh("houdini.one"))
                        s.assert(ctx.implies(one, ctx.not(holds(l))))
                        switch try s.check(assuming: assumptions(active) + [one]) {
                        case .sat: falsified.insert(l)
                        case .unsat: break
                        case .unknown: return false
                        }
                    }
                }
                if falsified.isEmpty { return false }
                if let info = debugInfo {
                    debug("  drop \(active.filter { falsified.contains($0) }.map { $0.text(world) }) \(info(m))")
                }
                active.removeAll { falsified.contains($0) }
            }
        }
        return true
    }

    /// A passing result, upgraded to `proved` when an invariant is found and confirmed.
    func upgrade(_ r: CheckResult) -> CheckResult {
        guard r.verdict == .holds, Self.supports(r.rule, in: world) else { return r }
        return upgrade(r, found: (try? houdini(r.rule)) ?? nil)
    }

    /// `r` upgraded by what `houdini` found, when it implies the property and the re-check confirms it.
    func upgrade(_ r: CheckResult, found: Found?) -> CheckResult {
        guard r.verdict == .holds, Self.supports(r.rule, in: world) else { return r }
        guard let found, found.provesProperty, !found.lemmas.isEmpty else { return r }
        let lemmas = found.lemmas
        guard InvariantCheck(world: world, options: options).confirm(r.rule, lemmas) else { return r }
        return Self.proved(
            r, invariant: lemmas.map { $0.text(world) }, method: "inductive invariant", how: "an inductive invariant")
    }

    /// `r` as `proved` by a confirmed invariant (`invariant`: its conjuncts in the model's terms),
    /// found by `method` ("inductive invariant", "CHC invariant (Spacer)"), described as `how`.
    static func proved(_ r: CheckResult, invariant: [String], method: String, how: String) -> CheckResult {
        var p = r
        p.verdict = .proved
        p.proof = method
        p.invariant = invariant
        var m = r.message
        for suffix in [", to depth \(r.depth)", " up to depth \(r.depth)"] where m.hasSuffix(suffix) {
            m.removeLast(suffix.count)
        }
        m = m.replacingOccurrences(of: "in every state up to depth \(r.depth)", with: "in every reachable state")
        m = m.replacingOccurrences(of: ", to depth \(r.depth);", with: ";")
        p.message = m + ": proved for every depth by \(how) of \(invariant.count) lemma(s) (re-checked)"
        return p
    }
}
