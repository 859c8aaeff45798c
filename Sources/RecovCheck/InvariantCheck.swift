import RecovIR
import RecovSMT

/// The independent confirmation of an invariant proof (`InvariantProof`), before anything says
/// `proved`. Each query is built from scratch in its own fresh Z3 context, asserted at once (no
/// assumption literals, no incremental state), under a deterministic resource limit of twice the
/// search's; only `unsat` on every query confirms, anything else leaves the bounded verdict:
/// 1. **initiation**: no initial state (ranges, initial values, assumptions, trigger) falsifies the invariant;
/// 2. **consecution**: no transition from any well-typed state satisfying the invariant leads to a
///    state falsifying it (the trigger time and the values at the trigger free too);
/// 3. **strength**: no transition from a state satisfying the invariant, to a state satisfying it,
///    violates the property in either state or in the transition;
/// 4. key holders, allowlist entries and thresholds that no action writes never change
///    (`ProofCheck.unwrittenAuthorityIsConstant`), which the step frame takes for granted.
struct InvariantCheck {
    let world: World
    let options: CheckOptions

    func confirm(_ rule: Rule, _ lemmas: [Lemma]) -> Bool {
        guard InvariantProof.supports(rule), !lemmas.isEmpty else { return false }
        do {
            return try initiation(rule, lemmas) && consecution(rule, lemmas) && strength(rule, lemmas)
                && ProofCheck(world: world, options: options).unwrittenAuthorityIsConstant()
        } catch {
            return false
        }
    }

    private func solver(_ ctx: Z3Context) -> Z3Solver {
        Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds, resourceLimit: options.recheckResourceLimit)
    }

    func initiation(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        let ctx = Z3Context()
        let s = solver(ctx)
        let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: .initial)
        s.assert(ctx.not(ctx.and(lemmas.map { f.lower($0, at: 0) })))
        return try s.check() == .unsat
    }

    func consecution(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        let ctx = Z3Context()
        let s = solver(ctx)
        let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: .step)
        guard f.sound else { return false }
        for l in lemmas { s.assert(f.lower(l, at: 0)) }
        s.assert(ctx.not(ctx.and(lemmas.map { f.lower($0, at: 1) })))
        return try s.check() == .unsat
    }

    func strength(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        let ctx = Z3Context()
        let s = solver(ctx)
        let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: .step)
        guard f.sound else { return false }
        for l in lemmas { s.assert(f.lower(l, at: 0)); s.assert(f.lower(l, at: 1)) }
        s.assert(f.violation())
        return try s.check() == .unsat
    }
}
