import Foundation
import RecovIR
import RecovSMT

/// `sanity`: the checks without which every verdict would be vacuous — an initial state exists,
/// containment is not already true at the trigger, every step can run (or is blocked, a finding),
/// containment is reachable and every attack can fire.
extension BoundedModelChecker {
    /// Runs `sanity`: an error names what makes the checks vacuous, `holds` says what was covered.
    func checkSanity() throws -> CheckResult {
        let ctx = Z3Context()
        let solver = makeSolver(ctx)
        let u = Unrolling(world: world, ctx: ctx, solver: solver)
        if let problem = try initialStateProblem(u) { return problem }
        var covers = VacuityCovers(unrolling: u)
        let steps = procedure.steps
        let (reached, containmentReached, unknown) = try explore(u, &covers)
        if let j = reached.firstIndex(of: false) {
            if let why = unknown {
                return result(
                    .sanity, .unknown, "could not decide whether step '\(steps[j].name)' can run (\(why))",
                    location: steps[j].loc)
            }
            if try blockedAt(j) {
                return result(.sanity, .holds, Self.blockedMessage(steps[j]), location: steps[j].loc)
            }
            return result(
                .sanity, .error,
                "step '\(steps[j].name)' can never run within depth \(options.depth): its guard, its authority (honest holders of '\(steps[j].role)') or its timing cannot be met, so every property would pass vacuously",
                location: steps[j].loc)
        }
        if !containmentReached, let c = procedure.containment {
            if let why = unknown {
                return result(
                    .sanity, .unknown, "could not decide whether containment is reachable (\(why))", location: c.loc)
            }
            return result(
                .sanity, .error, "the containment condition \(c.expr) is never reached within depth \(options.depth)",
                location: c.loc)
        }
        if let (_, attack) = covers.pendingAttacks.first {
            if let why = covers.unknown {
                return result(
                    .sanity, .unknown, "could not decide whether attack '\(attack.name)' can fire (\(why))",
                    location: attack.loc)
            }
            return result(.sanity, .error, try attackNeverFires(attack), location: attack.loc)
        }
        let attacks = world.attacks.isEmpty ? "" : ", every attack can fire"
        return result(
            .sanity, .holds,
            "assumptions consistent, all \(steps.count) step(s) can run\(procedure.containment == nil ? "" : ", containment reachable")\(attacks)"
        )
    }

    /// Unrolls `u` depth by depth until every step has run, containment was reached and every
    /// attack fired (`covers`), or the depth ends; `unknown` is the solver's last give-up.
    private func explore(_ u: Unrolling, _ covers: inout VacuityCovers) throws -> (
        reached: [Bool], containmentReached: Bool, unknown: String?
    ) {
        let ctx = u.ctx
        let solver = u.solver
        let steps = procedure.steps
        var reached = Array(repeating: false, count: steps.count)
        var containmentReached = procedure.containment == nil
        var unknown: String?
        for d in 0...options.depth {
            if d > 0 {
                u.extend()
                try covers.coverLastTransition()
            }
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
        return (reached, containmentReached, unknown)
    }

    /// Sanity's first checks, on the initial state of `u`: it exists, and containment is not
    /// already true there. Nil when both pass.
    private func initialStateProblem(_ u: Unrolling) throws -> CheckResult? {
        switch try u.solver.check() {
        case .unsat:
            let blamed = try VacuityCovers.blameNoInitialState(world: world, timeoutMs: options.timeoutMilliseconds)
            guard let first = blamed.first else {
                return result(
                    .sanity, .error,
                    "the model's and incident's assumptions, initial values and the trigger (\(procedure.trigger.expr)) contradict each other: no initial state exists",
                    location: procedure.trigger.loc)
            }
            return result(
                .sanity, .error,
                "no initial state exists, so every check would pass vacuously: "
                    + (blamed.count == 1
                        ? "\(describe(first)) contradicts the declared ranges and initial values"
                        : "\(blamed.map(describe).joined(separator: " and ")) contradict each other"),
                location: first.loc)
        case .unknown(let why):
            return result(.sanity, .unknown, "the solver could not decide whether an initial state exists (\(why))")
        case .sat: break
        }
        if let c = procedure.containment {
            switch try VacuityCovers.containedAtTrigger(u) {
            case true?:
                return result(
                    .sanity, .error,
                    "the containment condition \(c.expr) already holds whenever the trigger (\(procedure.trigger.expr)) holds: containment-time would pass vacuously",
                    location: c.loc)
            case nil:
                return result(
                    .sanity, .unknown,
                    "the solver could not decide whether the containment condition can be false at the trigger",
                    location: c.loc)
            case false?: break
            }
        }
        return nil
    }

    private static func parenthesized(_ e: Expr) -> String {
        let t = "\(e)"
        return t.hasPrefix("(") ? t : "(\(t))"
    }

    /// Why `attack` never fires, naming the trigger or assumptions that rule it out.
    private func attackNeverFires(_ attack: Action) throws -> String {
        let head =
            "attack '\(attack.name)' can never fire within depth \(options.depth), so every verdict about the incident would be vacuous"
        let blamed = try VacuityCovers.blame(
            attack, world: world, depth: options.depth, timeoutMs: options.timeoutMilliseconds)
        if blamed.isEmpty {
            return head
                + ": its while: condition or its guard is never met in a state reachable within \(options.depth) transitions (if the attack needs more, raise --depth)"
        }
        return head + ": ruled out by " + blamed.map(describe).joined(separator: " and by ")
    }

    /// "the trigger (…)" or "assumption 'name' (…)", with its file name and line.
    private func describe(_ a: Assertion) -> String {
        (a == procedure.trigger
            ? "the trigger \(Self.parenthesized(a.expr))" : "assumption '\(a.name)' \(Self.parenthesized(a.expr))")
            + " at \(URL(fileURLWithPath: a.loc.file).lastPathComponent):\(a.loc.line)"
    }
}
