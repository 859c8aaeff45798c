import RecovIR
import RecovSMT

/// One query's view of the transition system for an invariant proof: an unrolling of the check's
/// world, its property encoding, and the state at the trigger that lemmas and budgets measure from.
///
/// - `initial`: the real initial states (ranges, initial values, assumptions, trigger, fresh
///   accounts), with no transition; the origin is the first state itself.
/// - `step`: one transition from *any* well-typed state (as k-induction's step case,
///   `Unrolling.freeState`), and an origin of fresh, unconstrained constants: the trigger time and
///   every variable's value at the trigger may be anything.
final class InvariantFrame {
    let unrolling: Unrolling
    let encoding: PropertyEncoding
    let lowering: LemmaLowering
    /// False when the step frame's first state is not provably free (then no proof may use it).
    let sound: Bool

    enum Kind { case initial, step }

    init(world: World, options: CheckOptions, rule: Rule, ctx: Z3Context, solver: Z3Solver, kind: Kind) {
        let u = Unrolling(
            world: world, ctx: ctx, solver: solver, escalation: rule == .noUnilateralControl,
            freeInitial: kind == .step, timeAfterBlock: Unrolling.timeAfterBlock(for: rule))
        var ok = true
        let origin: SymbolicState
        switch kind {
        case .initial:
            origin = u.states[0]
        case .step:
            ok = KInduction.stateShapeKnown(u.states[0]) && KInduction.firstStateUnconstrained(solver)
            origin = SymbolicState(
                now: ctx.intConst("trigger.now"), pc: ctx.int(0), last: ctx.intConst("trigger.now"),
                stepTimes: [], contained: ctx.falseExpr)
            for v in world.model.state {
                let name = "trigger." + SymbolName.stateVariable(v.name)
                switch v.type {
                case .int: origin.ints[v.name] = ctx.intConst(name)
                case .bool: origin.bools[v.name] = ctx.boolConst(name)
                case .map: origin.maps[v.name] = ctx.arrayConst(name)
                }
            }
            u.extend()
        }
        unrolling = u
        encoding = PropertyEncoding(
            rule: rule, unrolling: u, authorityEncoding: options.authorityEncoding, origin: origin)
        lowering = LemmaLowering(unrolling: u, encoding: encoding, origin: origin)
        sound = ok
    }

    func lower(_ l: Lemma, at i: Int) -> Z3Expr { lowering.lower(l, at: i) }

    /// The property fails in the frame: in state 0, or (step frame) in the transition or state 1.
    func violation() -> Z3Expr {
        let ctx = unrolling.ctx
        var parts: [Z3Expr] = []
        for d in 0...unrolling.depth { if let v = encoding.violation(at: d) { parts.append(v) } }
        return ctx.or(parts)
    }
}
