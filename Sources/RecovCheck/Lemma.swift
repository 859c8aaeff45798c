import RecovIR
import RecovSMT

/// One conjunct of an inductive invariant (`InvariantProof`), stated over the procedure's progress
/// (which step is pending, when steps ran), the clock, the state variables and their values at the
/// trigger. Lemmas are data, so the search and the independent re-check (`InvariantCheck`) lower
/// the same invariant into unrelated Z3 contexts, and a report prints it in the model's terms.
enum Lemma: Hashable, Sendable {
    /// `now >= last`: the clock is never before the previous step (or the trigger).
    case clockNotBeforeLastStep
    /// `trigger time >= 0` (the clock starts at some `T >= 0`).
    case triggerTimeNotNegative
    /// `last >= trigger time`.
    case lastStepNotBeforeTrigger
    /// `0 <= pc <= n`.
    case programCounterInRange
    /// `pc == j  ⇒  last <= trigger time + seconds` (`pc == j` also for `j == n`: done).
    case lastStepBy(pc: Int, seconds: Int)
    /// `pc == j  ⇒  last <= time(i) + seconds` (`i < j`): the previous step ran at most that long after step `i`.
    case lastStepSince(step: Int, pc: Int, seconds: Int)
    /// `pc < n  ⇒  now <= last + deadline(pc)`: no pending step is past its deadline.
    case beforeDeadline
    /// `pc <= j  ⇒  time(j) == -1`.
    case stepPending(Int)
    /// `pc == j + 1  ⇒  time(j) == last`.
    case stepJustRan(Int)
    /// `pc > j  ⇒  trigger time <= time(j) <= last`.
    case stepRan(Int)
    /// `pc > j  ⇒  contained`.
    case containedAfter(Int)
    /// `pc == j` (or `pc >= j` with `orLater`) `⇒  flag == value`.
    case flag(String, value: Bool, pc: Int, orLater: Bool)
    /// An integer variable compared with its value at the trigger.
    case sinceTrigger(String, Comparison)
    /// `x + y == x + y at the trigger`: a conserved sum (value moves between two variables).
    case sumConserved(String, String)
    /// The same, only until step `j` has run (`pc <= j  ⇒  x cmp x at the trigger`).
    case untilStep(String, Comparison, step: Int)
    /// An IntVar's declared range, or an AccountMap's at the representative account.
    case range(String)
    /// The i-th of the model's then the procedure's invariants.
    case declaredInvariant(Int)
    /// A key that some action rotates is still held by its declared holder (until step `j` has run, or always).
    case keyHolder(String, untilStep: Int?)
    /// No pending step is stuck at its deadline (the procedure is not blocked).
    case notBlocked
    /// `loss - loss at the trigger <= amount` (`BlastRadius`).
    case lossAtMost(Int)
    /// At the trigger, the i-th of the model's then the incident's assumptions held (a fact about the
    /// frozen values at the trigger, true in every state).
    case assumedAtTrigger(Int)
    /// At the trigger, the variable was in its declared range and had its `initial:` value.
    case declaredAtTrigger(String)
    /// The i-th of the model's then the incident's assumptions holds in this state (an assumption
    /// that the transitions keep).
    case assumptionHolds(Int)
    /// An AccountMap with an `initial:` value still has it at the representative account (until step `j` has run, or always).
    case mapAtInitial(String, untilStep: Int?)
    /// `x - x at the trigger <= y - y at the trigger` (until step `j` has run, or always): `x` grows at most as `y` does.
    case tracks(String, String, untilStep: Int?)
    /// At the trigger, the trigger held.
    case triggeredAtTrigger
    /// The checked property itself, for a property of one state (its violation at this state is false).
    case property
    /// A formula over the state's components (`StateVocabulary`), as SMT-LIB text: one conjunct of
    /// an invariant the CHC engine (`CHCProof`, Spacer) found; `text` is it in the model's terms.
    case formula(smt: String, text: String)

    enum Comparison: String, Hashable, Sendable { case atMost = "<=", atLeast = ">=", equal = "==" }
}

/// Lowers lemmas over one unrolling, measuring from `origin` (the state at the trigger).
struct LemmaLowering {
    let unrolling: Unrolling
    let encoding: PropertyEncoding
    let origin: SymbolicState

    var ctx: Z3Context { unrolling.ctx }
    var world: World { unrolling.world }

    /// The lemma in state `i` of the unrolling.
    func lower(_ l: Lemma, at i: Int) -> Z3Expr {
        let u = unrolling
        let s = u.states[i]
        let n = world.procedure.steps.count
        let t0 = origin.now
        func pcIs(_ j: Int) -> Z3Expr { ctx.eq(s.pc, ctx.int(j)) }
        switch l {
        case .clockNotBeforeLastStep: return ctx.ge(s.now, s.last)
        case .triggerTimeNotNegative: return ctx.ge(t0, ctx.int(0))
        case .lastStepNotBeforeTrigger: return ctx.ge(s.last, t0)
        case .programCounterInRange: return ctx.and([ctx.ge(s.pc, ctx.int(0)), ctx.le(s.pc, ctx.int(n))])
        case .lastStepBy(let j, let secs): return ctx.implies(pcIs(j), ctx.le(s.last, ctx.add([t0, ctx.int(secs)])))
        case .lastStepSince(let i, let j, let secs):
            guard i < j, i < n else { return ctx.falseExpr }
            return ctx.implies(pcIs(j), ctx.le(s.last, ctx.add([s.stepTimes[i], ctx.int(secs)])))
        case .beforeDeadline:
            if n == 0 { return ctx.trueExpr }
            return ctx.implies(ctx.lt(s.pc, ctx.int(n)), ctx.le(s.now, ctx.add([s.last, u.deadline(of: s.pc)])))
        case .stepPending(let j): return ctx.implies(ctx.le(s.pc, ctx.int(j)), ctx.eq(s.stepTimes[j], ctx.int(-1)))
        case .stepJustRan(let j): return ctx.implies(pcIs(j + 1), ctx.eq(s.stepTimes[j], s.last))
        case .stepRan(let j):
            return ctx.implies(
                ctx.gt(s.pc, ctx.int(j)), ctx.and([ctx.ge(s.stepTimes[j], t0), ctx.le(s.stepTimes[j], s.last)]))
        case .containedAfter(let j): return ctx.implies(ctx.gt(s.pc, ctx.int(j)), s.contained)
        case .flag(let name, let value, let j, let later):
            guard let b = s.bools[name] else { return ctx.falseExpr }
            let at = later ? ctx.ge(s.pc, ctx.int(j)) : pcIs(j)
            return ctx.implies(at, value ? b : ctx.not(b))
        case .sinceTrigger(let name, let cmp):
            guard let x = s.ints[name], let x0 = origin.ints[name] else { return ctx.falseExpr }
            switch cmp {
            case .atMost: return ctx.le(x, x0)
            case .atLeast: return ctx.ge(x, x0)
            case .equal: return ctx.eq(x, x0)
            }
        case .sumConserved(let a, let b):
            guard let x = s.ints[a], let y = s.ints[b], let x0 = origin.ints[a], let y0 = origin.ints[b] else {
                return ctx.falseExpr
            }
            return ctx.eq(ctx.add([x, y]), ctx.add([x0, y0]))
        case .untilStep(let name, let cmp, let j):
            return ctx.implies(ctx.le(s.pc, ctx.int(j)), lower(.sinceTrigger(name, cmp), at: i))
        case .range(let name):
            guard let v = world.model.variable(name) else { return ctx.falseExpr }
            let x: Z3Expr
            switch v.type {
            case .int:
                guard let e = s.ints[name] else { return ctx.falseExpr }
                x = e
            case .map:
                guard let a = s.maps[name] else { return ctx.falseExpr }
                x = ctx.select(a, u.account)
            case .bool: return ctx.trueExpr
            }
            var parts: [Z3Expr] = []
            if let lo = v.min { parts.append(ctx.ge(x, ctx.int(lo))) }
            if let hi = v.max { parts.append(ctx.le(x, ctx.int(hi))) }
            return ctx.and(parts)
        case .declaredInvariant(let k):
            let invs = world.model.invariants + world.procedure.invariants
            guard k >= 0, k < invs.count else { return ctx.falseExpr }
            return u.lowering.lower(invs[k].expr, s)
        case .keyHolder(let k, let j):
            guard let h = s.holders[k], let decl = world.model.keys.first(where: { $0.name == k }),
                let e = u.entityIndex[decl.holder]
            else { return ctx.falseExpr }
            let held = ctx.eq(h, ctx.int(e))
            return j.map { ctx.implies(ctx.le(s.pc, ctx.int($0)), held) } ?? held
        case .notBlocked:
            return n == 0 ? ctx.trueExpr : ctx.not(u.blocked(i))
        case .lossAtMost(let amount):
            guard let br = world.procedure.blastRadius else { return ctx.falseExpr }
            return ctx.le(ctx.sub(u.lowering.lower(br.loss, s), u.lowering.lower(br.loss, origin)), ctx.int(amount))
        case .assumedAtTrigger(let k):
            let all = world.model.assumptions + world.incident.assumptions
            guard k >= 0, k < all.count else { return ctx.falseExpr }
            return u.lowering.lower(all[k].expr, origin)
        case .triggeredAtTrigger:
            return u.lowering.lower(world.procedure.trigger.expr, origin)
        case .assumptionHolds(let k):
            let all = world.model.assumptions + world.incident.assumptions
            guard k >= 0, k < all.count else { return ctx.falseExpr }
            return u.lowering.lower(all[k].expr, s)
        case .mapAtInitial(let name, let j):
            guard let v = world.model.variable(name), v.type == .map, let i0 = v.initial, let m = s.maps[name] else {
                return ctx.falseExpr
            }
            let same = ctx.eq(ctx.select(m, u.account), u.lowering.lower(i0, s))
            return j.map { ctx.implies(ctx.le(s.pc, ctx.int($0)), same) } ?? same
        case .tracks(let a, let b, let j):
            guard let x = s.ints[a], let y = s.ints[b], let x0 = origin.ints[a], let y0 = origin.ints[b] else {
                return ctx.falseExpr
            }
            let le = ctx.le(ctx.sub(x, x0), ctx.sub(y, y0))
            return j.map { ctx.implies(ctx.le(s.pc, ctx.int($0)), le) } ?? le
        case .declaredAtTrigger(let name):
            guard let v = world.model.variable(name), v.type == .int, let x = origin.ints[name] else {
                return ctx.falseExpr
            }
            var parts: [Z3Expr] = []
            if let lo = v.min { parts.append(ctx.ge(x, ctx.int(lo))) }
            if let hi = v.max { parts.append(ctx.le(x, ctx.int(hi))) }
            if let i = v.initial { parts.append(ctx.eq(x, u.lowering.lower(i, origin))) }
            return ctx.and(parts)
        case .property:
            guard let v = encoding.violation(at: i) else { return ctx.trueExpr }
            return ctx.not(v)
        case .formula(let smt, _):
            // Read back in this context over the vocabulary's names, then placed over state `i`.
            let vocabulary = StateVocabulary(world: world)
            guard let values = vocabulary.values(u, at: i, origin: origin) else { return ctx.falseExpr }
            let names = vocabulary.constants(ctx)
            return ctx.substitute(ctx.parse("(assert \(smt))", declarations: names), names, values)
        }
    }
}

extension Lemma {
    /// The lemma in the model's terms.
    func text(_ world: World) -> String {
        let steps = world.procedure.steps
        func step(_ j: Int) -> String { j < steps.count ? "'\(steps[j].name)'" : "#\(j)" }
        func pending(_ j: Int) -> String {
            j < steps.count ? "while step \(step(j)) is pending" : "once every step has run"
        }
        switch self {
        case .clockNotBeforeLastStep: return "the clock is never before the previous step (or the trigger)"
        case .triggerTimeNotNegative: return "the trigger time is not negative"
        case .lastStepNotBeforeTrigger: return "no step ran before the trigger"
        case .programCounterInRange: return "the procedure is at one of its \(steps.count) step(s) or done"
        case .lastStepBy(let j, let secs):
            return "\(pending(j)), the previous step ran at most \(HumanDuration.text(secs)) after the trigger"
        case .lastStepSince(let i, let j, let secs):
            return "\(pending(j)), the previous step ran at most \(HumanDuration.text(secs)) after step \(step(i))"
        case .beforeDeadline: return "no pending step is past its deadline"
        case .stepPending(let j): return "step \(step(j)) has not run until it is the next step"
        case .stepJustRan(let j): return "right after step \(step(j)), it is the previous step"
        case .stepRan(let j): return "after step \(step(j)), it ran between the trigger and the previous step"
        case .containedAfter(let j):
            let c = world.procedure.containment.map { " (\($0.expr))" } ?? ""
            return "after step \(step(j)), the protocol is contained\(c)"
        case .flag(let name, let value, let j, let later):
            let when = later ? (j == 0 ? "always" : "from step \(step(j)) on") : pending(j)
            return "\(when): \(value ? "" : "!")\(name)"
        case .sinceTrigger(let name, let cmp): return "\(name) \(cmp.rawValue) its value at the trigger"
        case .sumConserved(let a, let b): return "\(a) + \(b) == its value at the trigger"
        case .untilStep(let name, let cmp, let j):
            return "until step \(step(j)) runs, \(name) \(cmp.rawValue) its value at the trigger"
        case .range(let name):
            let v = world.model.variable(name)
            let lo = v?.min.map(String.init) ?? ""
            let hi = v?.max.map(String.init) ?? ""
            return v?.type == .map ? "every account's \(name) is in \(lo)...\(hi)" : "\(name) is in \(lo)...\(hi)"
        case .declaredInvariant(let k):
            let invs = world.model.invariants + world.procedure.invariants
            return k < invs.count ? "invariant '\(invs[k].name)' (\(invs[k].expr))" : "invariant #\(k)"
        case .keyHolder(let k, let j):
            let holder = world.model.keys.first { $0.name == k }?.holder ?? "?"
            return (j.map { "until step \(step($0)) runs, " } ?? "") + "key '\(k)' is held by \(holder)"
        case .notBlocked: return "no pending step is blocked at its deadline"
        case .lossAtMost(let amount):
            let e = world.procedure.blastRadius.map { "\($0.loss)" } ?? "loss"
            return "\(e) is at most \(amount) above its value at the trigger"
        case .assumedAtTrigger(let k):
            let all = world.model.assumptions + world.incident.assumptions
            return k < all.count
                ? "at the trigger, assumption '\(all[k].name)' held (\(all[k].expr))"
                : "at the trigger, assumption #\(k) held"
        case .declaredAtTrigger(let name):
            let v = world.model.variable(name)
            let r = "\(v?.min.map(String.init) ?? "")...\(v?.max.map(String.init) ?? "")"
            return "at the trigger, \(name) was in \(r)"
                + (v?.initial.map { " and equal to its initial value \($0)" } ?? "")
        case .assumptionHolds(let k):
            let all = world.model.assumptions + world.incident.assumptions
            return k < all.count
                ? "assumption '\(all[k].name)' still holds (\(all[k].expr))" : "assumption #\(k) still holds"
        case .mapAtInitial(let name, let j):
            let i0 = world.model.variable(name)?.initial.map { "\($0)" } ?? "?"
            return (j.map { "until step \(step($0)) runs, " } ?? "")
                + "every account's \(name) is still its initial value \(i0)"
        case .tracks(let a, let b, let j):
            return (j.map { "until step \(step($0)) runs, " } ?? "")
                + "\(a) has grown since the trigger at most as much as \(b)"
        case .triggeredAtTrigger: return "at the trigger, the trigger held (\(world.procedure.trigger.expr))"
        case .property: return "the property itself"
        case .formula(_, let text): return text
        }
    }
}
