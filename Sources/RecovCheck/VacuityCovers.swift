import RecovIR
import RecovSMT

/// The vacuity checks of `sanity` beyond "an initial state exists, every step runs, containment is
/// reachable" (docs/semantics.md, "Vacuity"): covers in the sense of Kani's `cover` or Certora's
/// rule sanity, each failing with the `file:line` of the declaration that makes a pass vacuous.
///
/// - every `Attack` of the incident fires in some trace within the depth: an attack that cannot
///   fire (its `while:` or its guard is never met, or an assumption or the trigger rules it out)
///   makes every verdict about the incident vacuous;
/// - the `Containment` condition is false in some initial state: one that already holds whenever
///   the trigger holds makes `containment-time` pass vacuously.
struct VacuityCovers {
    let unrolling: Unrolling
    /// Attacks not yet seen firing: their alternative index in the unrolling, and the attack.
    private(set) var pendingAttacks: [(alternative: Int, attack: Action)]
    /// The solver's reason, if it gave up on some cover query.
    private(set) var unknown: String?

    init(unrolling: Unrolling) {
        self.unrolling = unrolling
        pendingAttacks = unrolling.alternatives.enumerated().compactMap { k, alt in
            if case .attack(let a) = alt { return (k, a) }
            return nil
        }
    }

    var done: Bool { pendingAttacks.isEmpty }

    /// Marks the attacks that can fire in the last transition of the unrolling (call once per depth).
    mutating func coverLastTransition() throws {
        guard let t = unrolling.transitions.last else { return }
        let ctx = unrolling.ctx
        var still: [(alternative: Int, attack: Action)] = []
        for p in pendingAttacks {
            let lit = ctx.boolConst(ctx.fresh("fires"))
            unrolling.solver.assert(ctx.implies(lit, unrolling.isAlt(t, p.alternative)))
            switch try unrolling.solver.check(assuming: [lit]) {
            case .sat: continue
            case .unsat: still.append(p)
            case .unknown(let why):
                unknown = unknown ?? why
                still.append(p)
            }
        }
        pendingAttacks = still
    }

    /// Whether the containment condition already holds in every initial state (nil: undecided).
    static func containedAtTrigger(_ u: Unrolling) throws -> Bool? {
        guard u.world.procedure.containment != nil, let s0 = u.states.first else { return false }
        let ctx = u.ctx
        let lit = ctx.boolConst(ctx.fresh("uncontained"))
        u.solver.assert(ctx.implies(lit, ctx.not(s0.contained)))
        switch try u.solver.check(assuming: [lit]) {
        case .sat: return false
        case .unsat: return true
        case .unknown: return nil
        }
    }

    /// The declarations that rule `attack` out: the trigger and the assumptions without which it
    /// can fire within `depth` transitions. Empty when no single one of them is to blame.
    static func blame(_ attack: Action, world: World, depth: Int, timeoutMs: UInt32) throws -> [Assertion] {
        try withoutEach(world).filter { try fires(attack, in: $0.world, depth: depth, timeoutMs: timeoutMs) }
            .map(\.assertion)
    }

    /// The declarations that leave no initial state: the trigger and the assumptions without which
    /// an initial state exists. Empty when no single one of them is to blame (two contradict each
    /// other, or the ranges and initial values alone leave none).
    static func blameNoInitialState(world: World, timeoutMs: UInt32) throws -> [Assertion] {
        try withoutEach(world).filter { candidate in
            let ctx = Z3Context()
            let u = Unrolling(world: candidate.world, ctx: ctx, solver: Z3Solver(ctx, timeoutMs: timeoutMs))
            if case .sat = try u.solver.check() { return true }
            return false
        }.map(\.assertion)
    }

    /// The trigger and each assumption of the model and the incident, each with `world` less it.
    private static func withoutEach(_ world: World) -> [(assertion: Assertion, world: World)] {
        let p = world.procedure
        var candidates: [(assertion: Assertion, world: World)] = []
        var noTrigger = p
        noTrigger.trigger.expr = .bool(true)
        candidates.append((p.trigger, World(model: world.model, incident: world.incident, procedure: noTrigger)))
        for (i, a) in world.model.assumptions.enumerated() {
            var m = world.model
            m.assumptions.remove(at: i)
            candidates.append((a, World(model: m, incident: world.incident, procedure: p)))
        }
        for (i, a) in world.incident.assumptions.enumerated() {
            var inc = world.incident
            inc.assumptions.remove(at: i)
            candidates.append((a, World(model: world.model, incident: inc, procedure: p)))
        }
        return candidates
    }

    /// Whether `attack` fires in some trace of `world` within `depth` transitions.
    private static func fires(_ attack: Action, in world: World, depth: Int, timeoutMs: UInt32) throws -> Bool {
        let ctx = Z3Context()
        let u = Unrolling(world: world, ctx: ctx, solver: Z3Solver(ctx, timeoutMs: timeoutMs))
        var covers = VacuityCovers(unrolling: u)
        covers.pendingAttacks = covers.pendingAttacks.filter { $0.attack.name == attack.name }
        for _ in 0..<depth where !covers.done {
            u.extend()
            try covers.coverLastTransition()
        }
        return covers.done
    }
}
