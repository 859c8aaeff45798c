import Foundation
import RecovIR
import RecovSMT

/// Proofs for every depth by an inductive invariant that Z3's Spacer engine finds, for checks the
/// lemma templates of `InvariantProof` cannot express (a relation between several variables, the
/// clock and the values at the trigger).
///
/// The check's transition system becomes three constrained Horn clauses over one predicate `Inv`
/// whose arguments are the state's components (`StateVocabulary`), built from the same
/// `InvariantFrame`s (and so the same `Unrolling` and `PropertyEncoding`) as the other engines:
///
///     init(s)                         ⇒ Inv(s)        (the initial frame's constraints)
///     Inv(s) ∧ T(s, s')               ⇒ Inv(s')       (the step frame: any well-typed s)
///     Inv(s) ∧ T(s, s') ∧ violation   ⇒ false         (in s, in the transition or in s')
///
/// (and `init(s) ∧ violation(s) ⇒ false`). When Spacer answers that `false` is not derivable, its
/// interpretation of `Inv` is an inductive invariant; its conjuncts become `Lemma.formula`s and go
/// through `InvariantCheck`, the same independent re-check in fresh Z3 contexts as Houdini's, before
/// anything says `proved`. Spacer finding `false` derivable is not a counterexample (its derivation
/// is over an abstraction): it gives the number of transitions, and `BoundedModelChecker` looks for
/// a trace of that length, which is replayed like any other.
struct CHCProof {
    let world: World
    let options: CheckOptions

    static func supports(_ rule: Rule) -> Bool { InvariantProof.supports(rule) }

    /// `RECOV_DEBUG_CHC=1`: Spacer's answer, and why a proof was not reported, on standard error.
    private static let debugging = ProcessInfo.processInfo.environment["RECOV_DEBUG_CHC"] != nil
    func debug(_ s: @autoclosure () -> String) {
        if Self.debugging { FileHandle.standardError.write(Data(("chc: " + s() + "\n").utf8)) }
    }

    /// What Spacer answered about a check.
    enum Answer: Equatable {
        /// An inductive invariant (not yet re-checked), as lemmas over the state vocabulary.
        case invariant([Lemma])
        /// `false` is derivable after `transitions` transitions (at most): the property can fail,
        /// on the abstraction Spacer was given (the property's cone of influence; the other
        /// variables are free). Not a counterexample: `BoundedModelChecker` looks for a trace.
        case derived(transitions: Int)
        /// Spacer gave up, or the step frame could not be left free.
        case none
    }

    /// Spacer's answer for `rule`. `known`: lemmas already found inductive (Houdini's survivors),
    /// assumed in the step's first state; an invariant is then `known` and the answer's lemmas
    /// together, and only the re-check of both is a proof.
    func search(_ rule: Rule, known: [Lemma] = []) throws -> Answer {
        let ctx = Z3Context()
        let fp = Z3Fixedpoint(ctx, timeoutMs: options.timeoutMilliseconds, resourceLimit: options.chcResourceLimit)
        // The frames' solvers are never checked: their assertions are the clauses' bodies.
        let initial = InvariantFrame(
            world: world, options: options, rule: rule, ctx: ctx, solver: Z3Solver(ctx), kind: .initial)
        let step = InvariantFrame(
            world: world, options: options, rule: rule, ctx: ctx, solver: Z3Solver(ctx), kind: .step)
        guard step.sound else {
            debug("\(world.procedure.name) \(rule): the step frame's first state is not free")
            return .none
        }
        // Only the property's cone of influence (the ranges Houdini already proved are discharged).
        let discharged = Set(
            known.compactMap { l -> String? in
                if case .range(let n) = l { return n }
                return nil
            })
        let variables = ConeOfInfluence.seeds(world, rule, discharged: discharged).map {
            ConeOfInfluence.cone(world, $0)
        }
        let timing = variables.map { ConeOfInfluence.needsTiming(world, rule, $0) } ?? true
        let vocabulary = StateVocabulary(world: world, variables: variables, timing: timing)
        guard let s0 = vocabulary.values(initial.unrolling, at: 0, origin: initial.lowering.origin),
            let t0 = vocabulary.values(step.unrolling, at: 0, origin: step.lowering.origin),
            let t1 = vocabulary.values(step.unrolling, at: 1, origin: step.lowering.origin)
        else { return .none }
        let names = vocabulary.constants(ctx)
        let inv = ctx.relation("Inv", over: names)
        let bad = ctx.relation("Bad", [])
        fp.register(inv)
        fp.register(bad)
        let initialViolation = initial.violation()
        let stepViolation = step.violation()
        let initBody = initial.unrolling.solver.assertions
        let stepBody = step.unrolling.solver.assertions
        fp.addRule(initBody, inv(s0), name: "init")
        let assumed = known.map { step.lower($0, at: 0) }
        let assumedAfter = known.map { step.lower($0, at: 1) }
        fp.addRule(stepBody + assumed + [inv(t0)], inv(t1), name: "step")
        fp.addRule(initBody + [initialViolation], bad([]), name: "violated-initially")
        fp.addRule(stepBody + assumed + assumedAfter + [inv(t0), stepViolation], bad([]), name: "violated")
        switch try fp.query(bad) {
        case .sat:
            // "init", then one "step" per transition, then a violation in the last state or in one
            // more transition ("violated"), or in the initial state ("violated-initially").
            let rules = try fp.ruleNamesAlongTrace()
            let transitions = rules.filter { $0 == "step" }.count + (rules.contains("violated") ? 1 : 0)
            debug(
                "\(world.procedure.name) \(rule): Spacer derives a violation after at most \(transitions) transitions (\(rules))"
            )
            return .derived(transitions: transitions)
        case .unknown(let why):
            debug("\(world.procedure.name) \(rule): Spacer gave up (\(why))")
            return .none
        case .unsat: break
        }
        guard let found = try fp.interpretation(of: inv, arguments: names) else {
            debug("no interpretation of Inv")
            return .none
        }
        let printer = FormulaText(vocabulary)
        let lemmas = ctx.simplify(found).conjuncts.map { Lemma.formula(smt: "\($0)", text: printer.text($0)) }
        try ctx.throwIfError()
        debug("\(world.procedure.name) \(rule): Spacer's invariant: \(lemmas.map { $0.text(world) })")
        return .invariant(lemmas)
    }

    /// A passing result, upgraded to `proved` when Spacer finds an invariant (over `known`, lemmas
    /// found inductive before) and the re-check confirms the whole of it; with it, the number of
    /// transitions after which Spacer derives a violation, when it does (the result is then unchanged).
    func upgrade(_ r: CheckResult, known: [Lemma] = []) -> (result: CheckResult, derivedTransitions: Int?) {
        guard r.verdict == .holds, InvariantProof.supports(r.rule, in: world) else { return (r, nil) }
        let answer: Answer
        do { answer = try search(r.rule, known: known) } catch {
            debug("\(world.procedure.name) \(r.rule): \(error)")
            return (r, nil)
        }
        switch answer {
        case .none: return (r, nil)
        case .derived(let n): return (r, n)
        case .invariant(let found): return (confirmed(r, known: known, found: found), nil)
        }
    }

    /// `r` proved by `known` and `found` together, if the re-check confirms the whole of it.
    private func confirmed(_ r: CheckResult, known: [Lemma], found: [Lemma]) -> CheckResult {
        // `true` is inductive: it proves the property when no state violates it (k-induction's case).
        let lemmas = known + found
        let invariant = lemmas.isEmpty ? [Lemma.property] : lemmas
        guard InvariantCheck(world: world, options: options).confirm(r.rule, invariant) else {
            debug(
                "\(world.procedure.name) \(r.rule): the re-check rejects Spacer's invariant; keeping the bounded verdict"
            )
            return r
        }
        return InvariantProof.proved(
            r, invariant: invariant.map { $0.text(world) }, method: "CHC invariant (Spacer)",
            how: "an inductive invariant found by Spacer (CHC)")
    }
}
