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

    /// Whether `query` finds no model: it asserts over a frame of `kind` in a fresh context and
    /// solver; an unsound step frame answers false without asking.
    private func unsat(
        _ rule: Rule, _ kind: InvariantFrame.Kind, _ query: (InvariantFrame, Z3Context, Z3Solver) -> Void
    ) throws -> Bool {
        let ctx = Z3Context()
        let s = Z3Solver(ctx, timeoutMs: options.timeoutMilliseconds, resourceLimit: options.recheckResourceLimit)
        let f = InvariantFrame(world: world, options: options, rule: rule, ctx: ctx, solver: s, kind: kind)
        guard kind == .initial || f.sound else { return false }
        query(f, ctx, s)
        return try s.check() == .unsat
    }

    func initiation(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        try unsat(rule, .initial) { f, ctx, s in s.assert(ctx.not(ctx.and(lemmas.map { f.lower($0, at: 0) }))) }
    }

    func consecution(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        try unsat(rule, .step) { f, ctx, s in
            for l in lemmas { s.assert(f.lower(l, at: 0)) }
            s.assert(ctx.not(ctx.and(lemmas.map { f.lower($0, at: 1) })))
        }
    }

    func strength(_ rule: Rule, _ lemmas: [Lemma]) throws -> Bool {
        try unsat(rule, .step) { f, _, s in
            for l in lemmas {
                s.assert(f.lower(l, at: 0))
                s.assert(f.lower(l, at: 1))
            }
            s.assert(f.violation())
        }
    }
}
