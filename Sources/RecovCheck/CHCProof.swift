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
/// anything says `proved`. Spacer finding `false` derivable (a counterexample) is only "no proof":
/// violations are reported by the bounded check, which replays them.
struct CHCProof {
    let world: World
    let options: CheckOptions

    static func supports(_ rule: Rule) -> Bool { InvariantProof.supports(rule) }

    /// `RECOV_DEBUG_CHC=1`: Spacer's answer, and why a proof was not reported, on standard error.
    private static let debugging = ProcessInfo.processInfo.environment["RECOV_DEBUG_CHC"] != nil
    func debug(_ s: @autoclosure () -> String) {
        if Self.debugging { FileHandle.standardError.write(Data(("chc: " + s() + "\n").utf8)) }
    }

    /// The invariant Spacer finds, as lemmas over the state vocabulary; nil when it answers that
    /// the property can fail, gives up, or the step frame cannot be left free. `known`: lemmas
    /// already found inductive (Houdini's survivors), assumed in the step's first state; the
    /// invariant is then `known` and these together, and only the re-check of both is a proof.
    func search(_ rule: Rule, known: [Lemma] = []) throws -> [Lemma]? {
        let ctx = Z3Context()
        let fp = Z3Fixedpoint(ctx, timeoutMs: options.timeoutMilliseconds, resourceLimit: options.chcResourceLimit)
        // The frames' solvers are never checked: their assertions are the clauses' bodies.
        let initial = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: Z3Solver(ctx), kind: .initial)
        let step = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: Z3Solver(ctx), kind: .step)
        guard step.sound else { debug("\(world.procedure.name) \(rule): the step frame's first state is not free"); return nil }
        // Only the property's cone of influence (the ranges Houdini already proved are discharged).
        let discharged = Set(known.compactMap { l -> String? in if case .range(let n) = l { return n }; return nil })
        let variables = ConeOfInfluence.seeds(world, rule, discharged: discharged).map { ConeOfInfluence.cone(world, $0) }
        let timing = variables.map { ConeOfInfluence.needsTiming(world, rule, $0) } ?? true
        let vocabulary = StateVocabulary(world: world, variables: variables, timing: timing)
        guard let s0 = vocabulary.values(initial.unrolling, at: 0, origin: initial.lowering.origin),
              let t0 = vocabulary.values(step.unrolling, at: 0, origin: step.lowering.origin),
              let t1 = vocabulary.values(step.unrolling, at: 1, origin: step.lowering.origin) else { return nil }
        let names = vocabulary.constants(ctx)
        let inv = ctx.relation("Inv", over: names)
        let bad = ctx.relation("Bad", [])
        fp.register(inv)
        fp.register(bad)
        let initialViolation = initial.violation(), stepViolation = step.violation()
        let initBody = initial.unrolling.solver.assertions
        let stepBody = step.unrolling.solver.assertions
        fp.addRule(initBody, inv(s0), name: "init")
        let assumed = known.map { step.lower($0, at: 0) }, assumedAfter = known.map { step.lower($0, at: 1) }
        fp.addRule(stepBody + assumed + [inv(t0)], inv(t1), name: "step")
        fp.addRule(initBody + [initialViolation], bad([]), name: "violated-initially")
        fp.addRule(stepBody + assumed + assumedAfter + [inv(t0), stepViolation], bad([]), name: "violated")
        switch try fp.query(bad) {
        case .sat:
            debug("\(world.procedure.name) \(rule): Spacer derives a violation (no proof; the bounded check reports violations)")
            return nil
        case .unknown(let why):
            debug("\(world.procedure.name) \(rule): Spacer gave up (\(why))")
            return nil
        case .unsat: break
        }
        guard let found = try fp.interpretation(of: inv, arguments: names) else { debug("no interpretation of Inv"); return nil }
        let printer = FormulaText(vocabulary)
        let lemmas = ctx.simplify(found).conjuncts.map { Lemma.formula(smt: "\($0)", text: printer.text($0)) }
        try ctx.throwIfError()
        debug("\(world.procedure.name) \(rule): Spacer's invariant: \(lemmas.map { $0.text(world) })")
        return lemmas
    }

    /// A passing result, upgraded to `proved` when Spacer finds an invariant (over `known`, lemmas
    /// found inductive before) and the re-check confirms the whole of it.
    func upgrade(_ r: CheckResult, known: [Lemma] = []) -> CheckResult {
        guard r.verdict == .holds, InvariantProof.supports(r.rule, in: world) else { return r }
        let found: [Lemma]?
        do { found = try search(r.rule, known: known) } catch { debug("\(world.procedure.name) \(r.rule): \(error)"); return r }
        guard let found else { return r }
        // `true` is inductive: it proves the property when no state violates it (k-induction's case).
        let lemmas = known + found
        let confirmed = lemmas.isEmpty ? [Lemma.property] : lemmas
        guard InvariantCheck(world: world, options: options).confirm(r.rule, confirmed) else {
            debug("\(world.procedure.name) \(r.rule): the re-check rejects Spacer's invariant; keeping the bounded verdict")
            return r
        }
        return InvariantProof.proved(r, invariant: confirmed.map { $0.text(world) }, method: "CHC invariant (Spacer)",
                                     how: "an inductive invariant found by Spacer (CHC)")
    }
}
