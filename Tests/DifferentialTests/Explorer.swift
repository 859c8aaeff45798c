import RecovIR

@testable import RecovCheck

/// An explicit-state explorer: enumerates every trace up to a depth with the reference evaluator
/// (`RecovIR.Evaluator.apply`) and checks every property on it concretely, written from
/// docs/semantics.md independently of the SMT encoding and of `ConcreteProperties`.
///
/// It is exact for programs from `ProgramGenerator` (see its restrictions):
/// - **Time.** `now` is only compared with small constants `c` (`now {<,<=,>,>=} c`, at most
///   `K`); every other time comparison has the form `now - event {<,<=,==,>} c` with `c <= C`,
///   the largest timing constant (after/within/timelock delays, grace, budgets, window, max
///   durations). A trigger time `T > K` makes every `now` comparison constant for good (time only
///   grows), like `T = K + 1`, so `T` ranges over `0...K+1`. A tick of `H = max(C, K+1) + 1` puts
///   every time difference beyond `C` and `now` beyond `K`, for good (new events measure from
///   the same `now`), so a longer tick flips no comparison now or later: ticks `1...H` cover every
///   behaviour. (`nowUses` checks the form; any other use of `now` is reported, not compared.)
/// - **Windows** (rate limits, budgets per period; docs/differential-testing.md has the argument).
///   A rate limit reads `now / p` only against its window variable (`now / p` at the last spend)
///   or the bound 10^15; a fixed budget compares `⌊(t - T)/per⌋`, a rolling one `t_j - t_i < per`.
///   With `L` the least common multiple of the periods, trigger times `0...K+L` (every residue
///   modulo `L` above `K`) and ticks `1...D+L-1` (`D` the horizon above with the periods among the
///   timing constants) cover every behaviour: shifting the trigger by a multiple of `L`, or
///   shortening a tick of at least `D` by a multiple of `L` to one of `D...D+L-1`, keeps every
///   residue, every window relation and every comparison.
///   When a step spends, the trigger times whose pending steps reach the first window past 10^15
///   (where a spend is refused) are explored as they are. The per-period budget needs the path's
///   history: a node keeps the states that can still share a window with a later one (`recent`).
/// - **Accounts.** The checker ranges accounts over `0...1_000_000`, each starting anywhere in
///   every map's range (or at its `initial:`), but account values are only used as map indices
///   (never compared to literals or computed with), so ids are interchangeable: a trace touching
///   `n` accounts is equivalent to one touching `0..<n`. An account is its vector of entries over
///   all maps. The representative account of `no-collateral-loss` and the map part of
///   `bounded-intervention` is account 0, starting at every possible vector. Every other account
///   enters lazily, when a transition first names it (each account parameter, the caller: an
///   existing account or a fresh one, so two parameters may name the same account or two
///   different ones), as the next unused id; its vector is that of a *template* account (one per
///   possible initial vector, ids `templateBase + k`) that starts at vector `k` and that every
///   map-wide assignment updates like any untouched account. So "any number of accounts, each
///   with any initial vector" is covered with at most `depth × accounts-per-transition` real
///   accounts, and no initial value of an untouched account is enumerated up front. `canonical`
///   drops a non-representative account whose vector equals a template's (a fresh copy of that
///   template is the same account from then on) and renumbers the rest.
/// - **Ranges.** Assignments may leave declared ranges (the trace goes on); `invariant` checks
///   every variable and every account's entries, templates included (they are the accounts no
///   transition named).
/// - **Arithmetic.** The evaluator's checked 64-bit arithmetic; blast-radius differences and
///   governance products in 128 bits. An overflow in a reachable state is reported (the solver's
///   integers are unbounded, so the explorer would no longer be exact there).
/// - **Coalitions** (`no-unilateral-control`). Every coalition (the attacker or not, plus honest
///   entities) smaller than the largest minimum of a checked role is tried on every state, each
///   role against its own minimum (`minimum`). The coalition under test may also take, on the
///   way, the privileged actions of roles it may hold at its size (escalation); its reachable
///   states are then its own: a node carries the coalition whose moves its path took (-1: none,
///   a state every coalition reaches), so only the coalitions that have such moves explore past
///   the shared states, and only until the rule's shortest violation is found.
final class Explorer {
    let world: World
    let depth: Int
    let ev: Evaluator
    /// Authority and timing from docs/semantics.md, independent of `AuthorityRules`.
    let ref: ReferenceAuthority
    static let templateBase = 900_000
    let rep = 0
    /// Facts about the program that the exploration reads on every state, computed once.
    private var shape = Shape()

    private struct Shape {
        var steps: [Step] = []
        var mapVars: [StateVar] = []
        var templateVectors: [[Int]] = [[]]
        var nowUses = (horizon: 0, exact: true)
        var timeHorizon = 1
        /// Rate-limit window variables (`<limit>.window`, fixed by the assumption `w == now / p`): their `p`.
        var windowVars: [String: Int] = [:]
        /// Every `p` of a window: rate limits' `now / p` and a per-period budget's `per`.
        var periods: [Int] = []
        var triggerTimes: [Int] = [0]
        var smallCoalitions: [(attacker: Bool, members: Set<String>)] = []
        /// Per small coalition (same index), the privileged moves it may take on the way (escalation).
        var escalations: [[(action: Action, role: String)]] = []
    }

    init(world: World, depth: Int) {
        self.world = world
        self.depth = depth
        self.ev = Evaluator(world: world)
        self.ref = ReferenceAuthority(world: world)
        shape.steps = world.procedure.steps
        shape.mapVars = world.model.state.filter { $0.type == .map }
        shape.templateVectors = computedTemplateVectors
        shape.windowVars = computedWindowVars
        shape.nowUses = computedNowUses
        shape.periods = Array(Set(shape.windowVars.values).union(world.procedure.blastRadius?.per.map { [$0] } ?? []))
            .sorted()
        shape.timeHorizon = computedTimeHorizon
        shape.triggerTimes = computedTriggerTimes
        shape.smallCoalitions = computedSmallCoalitions
        shape.escalations = computedEscalations
    }

    struct Exploration {
        /// Shortest violating depth per rule (absent: no violation up to the depth).
        var violation: [Rule: Int] = [:]
        var initialStates = 0
        var statesExplored = 0
        /// The deepest layer explored completely (`depth` unless `maxStates` stopped it). Every
        /// violation recorded is real whatever the depth; only absence is bounded by this.
        var depthCompleted = 0
        /// Transitions applied (the explorer's work, bounded with `maxStates` too).
        var transitionsTried = 0
        var stepsReached: [Bool] = []
        var containmentReached = false
        /// Evaluation failures of the reference evaluator (should not happen for generated cases).
        var evalErrors: [String] = []
        /// Transitions the evaluator and `ReferenceAuthority` judge differently (authority, timing).
        var referenceMismatches: [String] = []
        /// Steps at which some explored state is blocked.
        var blockedSteps: Set<Int> = []
        /// Vacuity covers (docs/semantics.md, "Vacuity"): attacks not yet seen firing, and whether
        /// some initial state is not yet contained.
        var attacksNotFired: Set<String> = []
        var uncontainedAtTrigger = false
        /// Whether some explored transition changes the blast-radius loss, or some real account's
        /// claim: the checker's "never changes" (a vacuous blast-radius or claim) must agree.
        var lossChanges = false
        var claimChanges = false
        /// Whether the shortest violation of `no-unilateral-control` was met only on a state of a
        /// coalition's own (reached through its escalation moves).
        var violationThroughEscalation = false
        /// Sanity (docs/semantics.md), in the checker's order: an initial state exists, containment
        /// is false in some initial state; then every step runs in some trace — unless the first
        /// step that never runs is one the procedure is blocked at (a violation of
        /// bounded-intervention, not a vacuous check) —, containment is reached, every attack fires.
        var sanityHolds: Bool {
            guard initialStates > 0, uncontainedAtTrigger else { return false }
            if let j = stepsReached.firstIndex(of: false) { return blockedSteps.contains(j) }
            return containmentReached && attacksNotFired.isEmpty
        }
    }

    private var steps: [Step] { shape.steps }
    private var mapVar: StateVar? { shape.mapVars.first }
    private var mapVars: [StateVar] { shape.mapVars }

    /// The possible initial value vectors of one account over every map (its `initial:` or its range).
    var templateVectors: [[Int]] { shape.templateVectors }
    private var computedTemplateVectors: [[Int]] {
        var out: [[Int]] = [[]]
        for v in mapVars {
            let xs: [Int]
            if let i = v.initial, let x = try? ev.int(i, State()) { xs = [x] } else { xs = Array(v.min!...v.max!) }
            out = out.flatMap { p in xs.map { p + [$0] } }
        }
        return out
    }

    /// The largest constant `now` is compared with; the trigger time ranges over `0...nowHorizon`.
    var nowHorizon: Int { nowUses.horizon }

    /// Every use of `now` in the program: the largest constant `c >= 0` it is compared with (as
    /// `now {<,<=,>,>=} c`, the only form the exactness argument covers; -1 when none, so the
    /// horizon is `c + 1`), and whether some use has another form (then the explorer is not exact
    /// and says so instead of comparing).
    var nowUses: (horizon: Int, exact: Bool) { shape.nowUses }
    private var computedNowUses: (horizon: Int, exact: Bool) {
        var k = -1
        var exact = true
        let windows = shape.windowVars
        func scan(_ e: Expr?) {
            guard let e else { return }
            switch e {
            case .now: exact = false
            // A window variable read other than against `now / p` (its absolute value is not exact).
            case .variable(let v) where windows[v] != nil: exact = false
            case .apply(let op, let args):
                if [Op.lt, .le, .gt, .ge].contains(op), args.count == 2, args[0] == .now, case .int(let c) = args[1],
                    c >= 0
                {
                    k = max(k, c)
                    return
                }
                // A rate limit's window: `now / p` compared with a window variable of the same `p`
                // (same window or a later one) or with the modeling bound 10^15; nothing else.
                if [Op.lt, .le, .gt, .ge, .eq, .ne].contains(op), args.count == 2 {
                    for (x, y) in [(args[0], args[1]), (args[1], args[0])] {
                        guard let p = Self.nowDiv(x) else { continue }
                        if case .variable(let w) = y, windows[w] == p { return }
                        if y == .int(maxLiteralMagnitude) { return }
                    }
                }
                for a in args { scan(a) }
            case .select(_, let i): scan(i)
            default: break
            }
        }
        let m = world.model
        let p = world.procedure
        for a in m.actions + world.attacks {
            scan(a.guardExpr)
            scan(a.live)
            scan(a.allowedReduction)
            for e in a.effects {
                switch e.change {
                case .assign(let target, let i, let v):
                    // A spend records its window: `w := now / p`.
                    if let p = windows[target], Self.nowDiv(v) == p { continue }
                    scan(i)
                    scan(v)
                case .assignAll(_, let v), .setThreshold(_, let v): scan(v)
                case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom: break
                }
            }
        }
        for v in m.state { scan(v.initial) }
        for x in m.invariants + m.assumptions + world.incident.assumptions + p.invariants { scan(x.expr) }
        scan(m.claim?.expr)
        scan(p.trigger.expr)
        scan(p.containment?.expr)
        scan(p.blastRadius?.loss)
        for st in p.steps {
            for b in st.bounds { if case .maxDuration(let e, _) = b.limit { scan(e) } }
            for a in st.args { scan(a.value) }
        }
        return (k + 1, exact)
    }

    /// `p` when `e` is `now / p` (p >= 1).
    static func nowDiv(_ e: Expr) -> Int? {
        guard case .apply(.div, let args) = e, args.count == 2, args[0] == .now, case .int(let p) = args[1], p >= 1
        else { return nil }
        return p
    }

    /// Variables a model assumption fixes to `now / p` at the trigger (a rate limit's window).
    private var computedWindowVars: [String: Int] {
        var out: [String: Int] = [:]
        for a in world.model.assumptions {
            guard case .apply(.eq, let args) = a.expr, args.count == 2, case .variable(let w) = args[0],
                let p = Self.nowDiv(args[1]),
                world.model.variable(w)?.type == .int
            else { continue }
            out[w] = p
        }
        return out
    }

    /// The trigger times explored (see the type's notes, *Time* and *Windows*): `0...K+L` (every
    /// residue modulo `L`, the least common multiple of the periods, above `K`), and, when a
    /// procedure step spends, the last `d` times before a spend's window passes the modeling bound
    /// 10^15, `d` the sum of the deadlines up to the last step that spends (such a step is pending
    /// at most `d` after the trigger; past the bound it is refused, so it can be blocked there).
    private var computedTriggerTimes: [Int] {
        var out = Array(0...(nowHorizon + periodLCM - 1))
        // For each period, how long after the trigger its last spending step can still be pending.
        var pending: [Int: Int] = [:]
        var elapsed = 0
        for (j, st) in steps.enumerated() {
            elapsed += ref.deadline(j)
            for e in world.model.action(st.action)?.effects ?? [] {
                if case .assign(let t, nil, _) = e.change, let p = shape.windowVars[t] { pending[p] = elapsed }
            }
        }
        for (p, d) in pending.sorted(by: { $0.key < $1.key }) where d >= 1 {
            // Generated periods are a few seconds; a period near 10^15 would put this beyond 64 bits.
            let (firstRefused, overflow) = (maxLiteralMagnitude + 1).multipliedReportingOverflow(by: p)
            guard !overflow else { continue }
            out += Array(max(0, firstRefused - d)...(firstRefused - 1))
        }
        return Array(Set(out)).sorted()
    }

    /// The least common multiple of every window's period (1 when there is none).
    var periodLCM: Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        return shape.periods.reduce(1) { $0 / gcd($0, $1) * $1 }
    }

    /// The largest timing constant; ticks range over `1...timeHorizon`.
    var timeHorizon: Int { shape.timeHorizon }
    private var computedTimeHorizon: Int {
        var c = 0
        for j in steps.indices { c = max(c, ref.deadline(j), ref.earliest(j)) }
        let p = world.procedure
        c = max(c, p.containmentBudget ?? 0, p.window ?? 0, shape.periods.max() ?? 0)
        for st in steps { for b in st.bounds { if case .maxDuration(_, let d) = b.limit { c = max(c, d) } } }
        // After a tick of `D = max(c, nowHorizon) + 1`, every time difference exceeds every timing
        // constant (and every period: the tick starts a new window of every kind) and `now`
        // exceeds every constant it is compared with, for good: a longer tick flips no comparison,
        // now or later (new events measure from the same `now`), except where `now` falls within a
        // window, which only its residue modulo `L` decides: ticks `D...D+L-1` cover those.
        return max(c, nowHorizon) + 1 + periodLCM - 1
    }

    // MARK: Initial states

    func initialStates() -> [State] {
        var base = State()
        ev.initialAuthority(into: &base)
        base.stepTimes = Array(repeating: nil, count: steps.count)
        var out = [base]
        for v in world.model.state {
            var next: [State] = []
            for s in out {
                switch v.type {
                case .int:
                    // A window variable is `now / p` at the trigger (below), not enumerated.
                    if shape.windowVars[v.name] != nil {
                        next.append(s)
                        continue
                    }
                    let vals: [Int]
                    if let i = v.initial, let x = try? ev.int(i, s) {
                        vals = [x]
                    } else {
                        vals = Array(v.min!...v.max!)
                    }
                    for x in vals {
                        var t = s
                        t.ints[v.name] = x
                        next.append(t)
                    }
                case .bool:
                    let vals: [Bool]
                    if let i = v.initial, let x = try? ev.bool(i, s) { vals = [x] } else { vals = [false, true] }
                    for x in vals {
                        var t = s
                        t.bools[v.name] = x
                        next.append(t)
                    }
                case .map:
                    next.append(s)  // every map at once, below
                }
            }
            out = next
        }
        let vectors = templateVectors
        let maps = mapVars
        if !maps.isEmpty {
            out = out.flatMap { s in
                vectors.map { repVector -> State in
                    var t = s
                    for (mi, v) in maps.enumerated() {
                        var m: [Int: Int] = [:]
                        for (k, vec) in vectors.enumerated() { m[Self.templateBase + k] = vec[mi] }
                        m[rep] = repVector[mi]
                        t.maps[v.name] = m
                    }
                    return t
                }
            }
        }
        // The trigger time matters only through comparisons of `now` with constants up to
        // nowHorizon - 1, its residue modulo the windows' periods, and the modeling bound of a spend.
        let windows = shape.windowVars
        out = out.flatMap { s in
            shape.triggerTimes.map { t0 -> State in
                var t = s
                t.now = t0
                t.triggerTime = t0
                t.lastStepTime = t0
                for (w, p) in windows { t.ints[w] = t0 / p }
                return t
            }
        }
        return out.filter { s in
            do {
                for a in world.model.assumptions + world.incident.assumptions where !(try ev.bool(a.expr, s)) {
                    return false
                }
                return try ev.bool(world.procedure.trigger.expr, s)
            } catch { return false }
        }.map { s in
            var t = s
            t.contained = (try? world.procedure.containment.map { try ev.bool($0.expr, t) } ?? false) ?? false
            return t
        }
    }

    // MARK: Transitions

    /// Real (non-template) accounts of a state.
    private func realAccounts(_ s: State) -> [Int] {
        guard let m = mapVar, let xs = s.maps[m.name] else { return [rep] }
        return xs.keys.filter { $0 < Self.templateBase }.sorted()
    }

    /// Choices for `n` account slots: existing accounts or a fresh one copied from a template.
    private func accountChoices(_ s: State, _ n: Int) -> [(State, [Int])] {
        guard n > 0 else { return [(s, [])] }
        var out: [(State, [Int])] = []
        for (s1, prefix) in accountChoices(s, n - 1) {
            let real = realAccounts(s1)
            for a in real { out.append((s1, prefix + [a])) }
            if mapVar != nil {
                let fresh = (real.max() ?? -1) + 1
                for k in templateVectors.indices {
                    var s2 = s1
                    for v in mapVars { s2.maps[v.name]![fresh] = s1.maps[v.name]![Self.templateBase + k] }
                    out.append((s2, prefix + [fresh]))
                }
            }
        }
        return out
    }

    /// All bindings of non-account parameters.
    private func valueChoices(_ ps: [Param]) -> [[String: Value]] {
        var out: [[String: Value]] = [[:]]
        for p in ps where p.type != .account {
            let vals: [Value]
            switch p.type {
            case .bool: vals = [.bool(false), .bool(true)]
            // An entity parameter names one of the model's entities by its index.
            case .entity: vals = world.model.entities.indices.map { .int($0) }
            default: vals = (p.min!...p.max!).map { .int($0) }
            }
            out = out.flatMap { b in
                vals.map { v in
                    var c = b
                    c[p.name] = v
                    return c
                }
            }
        }
        return out
    }

    /// Every candidate transition from `s`, with the state it is tried on (fresh accounts added).
    func candidates(_ s: State) -> [(State, Transition)] {
        var out: [(State, Transition)] = []
        for d in 1...timeHorizon { out.append((s, Transition.tick(duration: d))) }
        if s.pc < steps.count {
            let st = steps[s.pc]
            if let a = world.model.action(st.action) {
                let fixed = Set(st.args.map(\.name))
                for b in valueChoices(a.params.filter { !fixed.contains($0.name) }) {
                    out.append((s, Transition.step(name: st.name, index: s.pc, role: st.role, args: b)))
                }
            }
        }
        func withAccounts(_ a: Action, user: Bool, _ make: (Int?, [String: Value]) -> Transition) {
            let accountParams = a.params.filter { $0.type == .account }
            for (s1, accts) in accountChoices(s, accountParams.count + (user ? 1 : 0)) {
                for var b in valueChoices(a.params) {
                    for (k, p) in accountParams.enumerated() { b[p.name] = .int(accts[k + (user ? 1 : 0)]) }
                    out.append((s1, make(user ? accts[0] : nil, b)))
                }
            }
        }
        for a in world.userActions {
            withAccounts(a, user: true) { c, b in Transition.action(name: a.name, caller: c, args: b) }
        }
        for a in world.permissionlessActions {
            withAccounts(a, user: false) { _, b in Transition.action(name: a.name, caller: nil, args: b) }
        }
        for a in world.attacks { withAccounts(a, user: false) { _, b in Transition.attack(name: a.name, args: b) } }
        for a in world.privilegedActions {
            for r in world.privilegedRoles(of: a) {
                withAccounts(a, user: false) { _, b in Transition.privileged(name: a.name, role: r, args: b) }
            }
        }
        for e in world.insiders {
            for a in world.privilegedActions {
                for r in world.privilegedRoles(of: a) {
                    withAccounts(a, user: false) { _, b in Transition.insider(name: a.name, role: r, entity: e, args: b)
                    }
                }
            }
        }
        for o in world.incident.oracles {
            for v in o.min...o.max { out.append((s, Transition.oracle(target: o.target, value: v))) }
        }
        return out
    }

    // MARK: Properties (from docs/semantics.md)

    /// The pending step sits at its deadline and no choice of its free parameters lets it run.
    func blocked(_ s: State) -> Bool {
        guard s.pc < steps.count, s.now == s.lastStepTime + ref.deadline(s.pc) else { return false }
        let st = steps[s.pc]
        guard let a = world.model.action(st.action) else { return true }
        let fixed = Set(st.args.map(\.name))
        for b in valueChoices(a.params.filter { !fixed.contains($0.name) }) {
            if referenceAllows(Transition.step(name: st.name, index: s.pc, role: st.role, args: b), s) == true {
                return false
            }
        }
        return true
    }

    /// Whether docs/semantics.md allows `t` in `s`, by `ReferenceAuthority` for authority and
    /// timing (and the evaluator for guards); nil for kinds it does not judge.
    func referenceAllows(_ t: Transition, _ s: State) -> Bool? {
        // The guard holds and every parameter (fixed arguments included) is within its bounds.
        func guardHolds(_ a: Action) -> Bool {
            guard let env = try? ev.bindings(of: t, in: s), let g = try? ev.bool(a.guardExpr, s, env) else {
                return false
            }
            for p in a.params {
                guard let v = env.params[p.name] else { return false }
                if case .int(let x) = v, (p.min.map { x < $0 } ?? false) || (p.max.map { x > $0 } ?? false) {
                    return false
                }
            }
            return g
        }
        switch t {
        case .tick(let d):
            guard d >= 1 else { return false }
            // Time stops at a pending step's deadline unless the procedure is blocked there.
            if s.pc >= steps.count || s.now + d <= s.lastStepTime + ref.deadline(s.pc) { return true }
            let due = s.lastStepTime + ref.deadline(s.pc)
            return s.now > due || (s.now == due && blocked(s))
        case .step(_, let j, _, _):
            guard j == s.pc, j < steps.count, let a = world.model.action(steps[j].action) else { return false }
            return s.now >= s.lastStepTime + ref.earliest(j) && s.now <= s.lastStepTime + ref.deadline(j)
                && ref.honest(steps[j].role, s) && guardHolds(a)
        case .privileged(let name, let r, _):
            guard let a = world.model.action(name), a.by.contains(r) else { return false }
            return ref.attacker(r, s) && guardHolds(a)
        case .insider(let name, let r, let e, _):
            // docs/semantics.md, Insiders: the entity alone, nothing borrowed.
            guard let a = world.model.action(name), world.privilegedRoles(of: a).contains(r), world.insiders.contains(e)
            else { return false }
            return ref.satisfies(r, s, attacker: false, borrow: false) { $0 == e } && guardHolds(a)
        case .coalition(let name, let r, _, let members, let attacker):
            // docs/semantics.md, escalation: a role the coalition is allowed to hold at its size
            // (the compromised entities count as one, the attacker), satisfied with what the
            // coalition has (borrowed power too, when the attacker is in it); no delay, like the
            // attacker's own moves.
            guard let a = world.model.action(name), !a.user, a.by.contains(r), let role = world.model.role(r),
                role.kind != .anyone
            else { return false }
            let honest = Set(members).subtracting(world.compromised)
            guard honest.count + (attacker ? 1 : 0) >= minimum(role) else { return false }
            return ref.satisfies(r, s, attacker: attacker) {
                world.compromised.contains($0) ? attacker : honest.contains($0)
            } && guardHolds(a)
        default: return nil
        }
    }

    /// State-level violation of `rule` in `s` (trigger time 0, initial loss `loss0`).
    func stateViolates(_ rule: Rule, _ s: State, loss0: Int?, coalitions: [(attacker: Bool, members: Set<String>)])
        throws -> Bool
    {
        let p = world.procedure
        switch rule {
        case .invariant:
            for inv in world.model.invariants + p.invariants where !(try ev.bool(inv.expr, s)) { return true }
            // Leaving a declared range is an invariant violation, for any account (templates too:
            // they are the accounts no transition named).
            for v in world.model.state where v.type != .bool {
                let xs = v.type == .int ? [s.ints[v.name]].compactMap { $0 } : Array((s.maps[v.name] ?? [:]).values)
                if xs.contains(where: { x in (v.min.map { x < $0 } ?? false) || (v.max.map { x > $0 } ?? false) }) {
                    return true
                }
            }
            return false
        case .containmentTime:
            guard let b = p.containmentBudget, p.containment != nil, !s.contained else { return false }
            return s.now - s.triggerTime > b || blocked(s)
        case .blastRadius:
            // The difference in 128 bits: losses near ±9.2e18 differ by more than 64 bits.
            guard let br = p.blastRadius, let l0 = loss0 else { return false }
            return Int128(try ev.int(br.loss, s)) - Int128(l0) > Int128(br.max)
        case .boundedIntervention:
            for (j, st) in steps.enumerated() {
                for b in st.bounds {
                    if case .maxDuration(let e, let dur) = b.limit, let t = s.stepTimes[j], s.now > t + dur,
                        try ev.bool(e, s)
                    {
                        return true
                    }
                }
            }
            if let w = p.window, s.pc < steps.count, s.now - s.triggerTime > w { return true }
            return blocked(s)
        case .noUnilateralControl:
            let compromised = world.compromised
            for r in world.privilegedRoles where r.allowUnilateral == nil {
                for c in coalitions where c.members.count + (c.attacker ? 1 : 0) < minimum(r) {
                    let member: (String) -> Bool = { e in compromised.contains(e) ? c.attacker : c.members.contains(e) }
                    if ref.satisfies(r.name, s, attacker: c.attacker, member: member) { return true }
                }
            }
            return false
        case .noCollateralLoss, .sanity:
            return false
        }
    }

    /// The claim of `account` in `s`; a redeemable claim is computed here from its parts, not
    /// through its claim expression, so the checker's lowering is compared with a second reading.
    func claim(_ c: Assertion, _ s: State, _ account: Int) throws -> Int {
        guard let r = world.model.redeemable else { return try ev.int(c.expr, s, .init(account: account)) }
        let mine = try ev.int(.select(r.shares, .account), s, .init(account: account))
        let total = try ev.int(r.totalShares, s)
        let assets = try ev.int(r.assets, s)
        guard total > 0 else { return 0 }
        let p = try Checked.mul(mine, assets, "redeemable claim shares × assets")
        return p / total - (p % total < 0 ? 1 : 0)  // floor (total > 0); no negation that could overflow
    }

    /// Transition-level violation of `rule` for `before --t--> after`, with representative `account`.
    func transitionViolates(_ rule: Rule, _ before: State, _ t: Transition, _ after: State, account: Int) throws -> Bool
    {
        switch rule {
        case .noCollateralLoss:
            guard let c = world.model.claim else { return false }
            let c0 = try claim(c, before, account)
            let c1 = try claim(c, after, account)
            guard c1 < c0 else { return false }
            if case .action(_, account?, _) = t, ev.action(of: t)?.user == true { return false }
            if let a = ev.action(of: t), let r = a.allowedReduction {
                var env = try ev.bindings(of: t, in: before)
                env.account = account
                if try ev.bool(r, before, env) { return false }
            }
            return true
        case .boundedIntervention:
            guard case .step(_, let j, _, _) = t else { return false }
            let st = steps[j]
            let declared = Set(st.writes)
            for v in world.model.state where !declared.contains(v.name) {
                switch v.type {
                case .int: if before.ints[v.name] != after.ints[v.name] { return true }
                case .bool: if before.bools[v.name] != after.bools[v.name] { return true }
                case .map: if before.maps[v.name]?[account] != after.maps[v.name]?[account] { return true }
                }
            }
            for k in world.model.keys where !declared.contains(k.name) {
                if before.holders[k.name] != after.holders[k.name] { return true }
                if before.grants.filter({ $0.key == k.name }) != after.grants.filter({ $0.key == k.name }) {
                    return true
                }
            }
            for r in world.model.roles
            where !declared.contains(r.name) && before.thresholds[r.name] != after.thresholds[r.name] { return true }
            for b in st.bounds {
                guard let target = b.target, let x = after.ints[target], let x0 = before.ints[target] else { continue }
                switch b.limit {
                case .range(_, let min, let max):
                    if let lo = min, x < lo { return true }
                    if let hi = max, x > hi { return true }
                case .maxChange(_, let amt):
                    if abs(x - x0) > amt { return true }
                case .maxDuration: break
                }
            }
            return false
        default:
            return false
        }
    }

    /// A role's minimum coalition (docs/semantics.md, *Minimum coalitions*): 1 when it is
    /// accepted (`.allowUnilateral`), else its own `.minCoalition(n)`, else the model's `MinCoalition`.
    func minimum(_ r: Role) -> Int { r.allowUnilateral != nil ? 1 : (r.minCoalition ?? world.model.minCoalition) }

    /// The largest minimum of a checked role (privileged, used, not accepted): only coalitions
    /// smaller than it can break `no-unilateral-control`; 0 when no role is checked.
    var largestMinimum: Int { world.privilegedRoles.filter { $0.allowUnilateral == nil }.map(minimum).max() ?? 0 }

    /// Coalitions smaller than the largest minimum of a checked role: the attacker (or not) plus
    /// honest entities. Each role is checked against the coalitions smaller than its own minimum.
    var smallCoalitions: [(attacker: Bool, members: Set<String>)] { shape.smallCoalitions }
    private var computedSmallCoalitions: [(attacker: Bool, members: Set<String>)] {
        let honest = world.honestEntities
        let largest = largestMinimum
        var out: [(Bool, Set<String>)] = []
        for mask in 0..<(1 << honest.count) {
            let members = Set(honest.indices.filter { mask & (1 << $0) != 0 }.map { honest[$0] })
            for att in [false, true] {
                if members.count + (att ? 1 : 0) < largest { out.append((att, members)) }
            }
        }
        return out
    }

    /// Escalation (docs/semantics.md, `no-unilateral-control`): on the way, the coalition under
    /// test may use the roles it is allowed to hold at its size, those whose minimum is at most
    /// its size (accepted ones, and those with a smaller minimum than the role it ends up
    /// satisfying). Per small coalition, every privileged action with such a role of it. Empty when
    /// no move can change who satisfies a role (`authorityCanChange`): its moves would then change
    /// nothing the rule reads.
    private var computedEscalations: [[(action: Action, role: String)]] {
        shape.smallCoalitions.map { c in
            guard authorityCanChange else { return [] }
            let size = c.members.count + (c.attacker ? 1 : 0)
            var out: [(Action, String)] = []
            for a in world.model.actions where !a.user {
                for name in a.by {
                    guard let r = world.model.role(name), r.kind != .anyone, minimum(r) <= size else { continue }
                    out.append((a, name))
                }
            }
            return out
        }
    }

    /// Whether some move can change who satisfies a role: an effect on keys, allowlist entries or
    /// thresholds, or a role that reads state (a governor's or a shutdown module's power or deposits).
    var authorityCanChange: Bool {
        for a in world.model.actions + world.attacks {
            for e in a.effects {
                switch e.change {
                case .assign, .assignAll: continue
                case .rotateKey, .grant, .revoke, .rotateKeyTo, .grantTo, .revokeFrom, .setThreshold: return true
                }
            }
        }
        for r in world.model.roles {
            switch r.rule {
            case .shutdownModule: return true
            case .governor(let g):
                if g.votes.contains(where: { if case .variable = $0.amount { return true } else { return false } }) {
                    return true
                }
            default: continue
            }
        }
        return false
    }

    /// The coalition under test's own moves (escalation) from `s`: every move of
    /// `shape.escalations[ci]` with every choice of accounts and values.
    func coalitionCandidates(_ s: State, _ ci: Int) -> [(State, Transition)] {
        let c = shape.smallCoalitions[ci]
        let members = c.members.sorted()
        var out: [(State, Transition)] = []
        for (a, r) in shape.escalations[ci] {
            let accountParams = a.params.filter { $0.type == .account }
            for (s1, accts) in accountChoices(s, accountParams.count) {
                for var b in valueChoices(a.params) {
                    for (k, p) in accountParams.enumerated() { b[p.name] = .int(accts[k]) }
                    out.append(
                        (
                            s1,
                            Transition.coalition(name: a.name, role: r, args: b, members: members, attacker: c.attacker)
                        ))
                }
            }
        }
        return out
    }

    /// The state with its accounts in a canonical form. Besides the representative, an account is
    /// only its current map value: one whose value equals a template's is indistinguishable from a
    /// fresh account started from that template (every map-wide assignment updates both alike), so
    /// it is dropped; the rest are renumbered `1...n` in order of value (ids are interchangeable).
    func canonical(_ s: State) -> State {
        guard let m = mapVar, let xs = s.maps[m.name] else { return s }
        // Only the representative and the templates: already canonical (the common case).
        if !xs.keys.contains(where: { $0 != rep && $0 < Self.templateBase }) { return s }
        let maps = mapVars
        func vector(_ a: Int) -> [Int] { maps.map { s.maps[$0.name]?[a] ?? 0 } }
        let templateIds = xs.keys.filter { $0 >= Self.templateBase }
        let templateValues = Set(templateIds.map(vector))
        let others = xs.keys.filter { $0 != rep && $0 < Self.templateBase }.map(vector)
            .filter { !templateValues.contains($0) }.sorted { $0.lexicographicallyPrecedes($1) }
        var t = s
        for (mi, v) in maps.enumerated() {
            var out: [Int: Int] = [:]
            for id in templateIds { out[id] = s.maps[v.name]?[id] }
            out[rep] = s.maps[v.name]?[rep]
            for (i, vec) in others.enumerated() { out[i + 1] = vec[mi] }
            t.maps[v.name] = out
        }
        return t
    }

    // MARK: Exploration

    /// A state of the path with its loss, for a per-period budget.
    struct TimedLoss: Hashable {
        var time: Int
        var loss: Int
    }

    /// A state with what its path's history decides: the initial loss (a whole-trace budget) and,
    /// for a per-period budget, the earlier states that can still share a window with a later one.
    /// `coalition`: -1 for a state every coalition reaches (no escalation move on its path), else
    /// the index in `smallCoalitions` of the coalition whose escalation moves the path took (such
    /// a state is only checked for `no-unilateral-control`, for that coalition).
    private struct Node: Hashable {
        var state: State
        var loss0: Int?
        var recent: [TimedLoss] = []
        var coalition = -1
    }

    /// Whether states at times `a <= b` lie in one window of the per-period budget
    /// (docs/semantics.md, *Budgets per period*): rolling, `b - a < per`; fixed, the same window
    /// `⌊(t - T)/per⌋` counted from the trigger time `T`.
    func oneWindow(_ a: Int, _ b: Int, trigger: Int) -> Bool {
        guard let br = world.procedure.blastRadius, let per = br.per else { return true }
        if br.window == .fixed { return (a - trigger) / per == (b - trigger) / per }
        return b - a < per
    }

    /// `recent` after the path reaches a state at `time` with loss `loss`: the states that can
    /// still share a window with a later one. Once two states are not in one window, no later
    /// state shares one with the earlier (time only grows); of two states, one no later and no
    /// lower than the other is never the lowest loss of a window without the other (fixed: they
    /// leave the window together; rolling: the later one stays longer), so it is dropped.
    func updated(_ recent: [TimedLoss], time: Int, loss: Int, trigger: Int) -> [TimedLoss] {
        var out: [TimedLoss] = []
        for x in recent + [TimedLoss(time: time, loss: loss)] where oneWindow(x.time, time, trigger: trigger) {
            out.removeAll { $0.loss >= x.loss }
            out.append(x)
        }
        return out
    }

    /// The lowest loss over the states of the path that share a window with its last state (the
    /// last one included): the budget is broken there when the last loss exceeds it by more than `max`.
    private func windowFloor(_ n: Node) -> Int? { n.recent.map(\.loss).min() }
    private var perPeriod: Bool { world.procedure.blastRadius?.per != nil }

    /// Explores every trace up to the depth; with `maxStates`, stops before a layer (or midway
    /// through one) once that many states are reached, or with `maxTransitions` once that many
    /// transitions were tried (a node can have thousands of candidates that mostly lead to states
    /// already seen); then `depthCompleted` says how deep it got.
    func explore(rules: [Rule], maxStates: Int? = nil, maxTransitions: Int? = nil) -> Exploration {
        // `no-unilateral-control` is decided as if the incident had no insider (docs/semantics.md,
        // Insiders): over the world without them; every other rule over the world with them.
        if !world.insiders.isEmpty, rules.contains(.noUnilateralControl) {
            var plainIncident = world.incident
            plainIncident.insiders = []
            let plain = Explorer(
                world: World(model: world.model, incident: plainIncident, procedure: world.procedure), depth: depth
            )
            .explore(rules: [.noUnilateralControl], maxStates: maxStates, maxTransitions: maxTransitions)
            var r = explore(
                rules: rules.filter { $0 != .noUnilateralControl }, maxStates: maxStates, maxTransitions: maxTransitions
            )
            r.violation[.noUnilateralControl] = plain.violation[.noUnilateralControl]
            r.violationThroughEscalation = plain.violationThroughEscalation
            r.depthCompleted = min(r.depthCompleted, plain.depthCompleted)
            r.statesExplored += plain.statesExplored
            r.transitionsTried += plain.transitionsTried
            return r
        }
        var r = Exploration()
        r.stepsReached = Array(repeating: false, count: steps.count)
        r.containmentReached = world.procedure.containment == nil
        r.uncontainedAtTrigger = world.procedure.containment == nil
        r.attacksNotFired = Set(world.attacks.map(\.name))
        let coalitions = smallCoalitions
        if !nowUses.exact {
            r.evalErrors.append("`now` is used other than compared with a constant: the explorer is not exact")
        }
        let init0 = initialStates()
        r.initialStates = init0.count
        var layer: Set<Node> = []
        for s in init0 {
            let l0 = world.procedure.blastRadius.flatMap { try? ev.int($0.loss, s) }
            layer.insert(
                perPeriod
                    ? Node(state: s, loss0: nil, recent: l0.map { [TimedLoss(time: s.now, loss: $0)] } ?? [])
                    : Node(state: s, loss0: l0))
        }
        func note(_ rule: Rule, _ d: Int) { if r.violation[rule] == nil { r.violation[rule] = d } }
        func visit(_ n: Node, _ d: Int) {
            r.statesExplored += 1
            if n.coalition >= 0 {
                guard r.violation[.noUnilateralControl] == nil else { return }
                do {
                    if try stateViolates(
                        .noUnilateralControl, n.state, loss0: nil, coalitions: [coalitions[n.coalition]])
                    {
                        note(.noUnilateralControl, d)
                        r.violationThroughEscalation = true
                    }
                } catch { r.evalErrors.append("\(Rule.noUnilateralControl.rawValue) at depth \(d): \(error)") }
                return
            }
            for j in steps.indices where n.state.pc > j { r.stepsReached[j] = true }
            if n.state.contained { r.containmentReached = true }
            if blocked(n.state) { r.blockedSteps.insert(n.state.pc) }
            for rule in rules where r.violation[rule] == nil {
                // A per-period budget measures from the lowest loss of the last state's window.
                let l0 = perPeriod ? windowFloor(n) : n.loss0
                do { if try stateViolates(rule, n.state, loss0: l0, coalitions: coalitions) { note(rule, d) } } catch {
                    r.evalErrors.append("\(rule.rawValue) at depth \(d): \(error)")
                }
            }
        }
        for n in layer {
            visit(n, 0)
            if !n.state.contained { r.uncontainedAtTrigger = true }
        }
        if depth == 0 { return r }
        // The coalitions that have moves of their own (escalation), when the rule is asked.
        let escalating =
            rules.contains(.noUnilateralControl)
            ? shape.escalations.indices.filter { !shape.escalations[$0].isEmpty } : []
        layers: for d in 1...depth {
            if let cap = maxStates, r.statesExplored > cap { break }
            var next: Set<Node> = []
            for n in layer {
                // Over the budget mid-layer: stop; the violations already noted stand.
                if let cap = maxStates, r.statesExplored + next.count > cap { break layers }
                // Past the shortest violation of `no-unilateral-control`, escalation adds nothing.
                let seeking = !escalating.isEmpty && r.violation[.noUnilateralControl] == nil
                if n.coalition >= 0 && !seeking { continue }
                var moves = candidates(n.state).map { ($0.0, $0.1, n.coalition) }
                if seeking {
                    for ci in n.coalition < 0 ? escalating : [n.coalition] {
                        moves += coalitionCandidates(n.state, ci).map { ($0.0, $0.1, ci) }
                    }
                }
                for (s, t, ci) in moves {
                    r.transitionsTried += 1
                    if let cap = maxTransitions, r.transitionsTried > cap { break layers }
                    // A refused transition is one the semantics forbids; an overflow is not a refusal
                    // (the solver's integers are unbounded) and makes the explorer inexact: it says so.
                    let applied: State?
                    do { applied = try ev.apply(t, to: s) } catch {
                        applied = nil
                        if error.isOverflow, r.evalErrors.count < 3 {
                            r.evalErrors.append("\(t.kind.rawValue) '\(t.name)' at depth \(d): \(error)")
                        }
                    }
                    if let allowed = referenceAllows(t, s), allowed != (applied != nil), r.referenceMismatches.count < 3
                    {
                        r.referenceMismatches.append(
                            "\(t.kind.rawValue) '\(t.name)' at now=\(s.now), pc=\(s.pc): reference \(allowed ? "allows" : "forbids") it, the evaluator \(applied != nil ? "allows" : "forbids") it"
                        )
                    }
                    guard let s2 = applied else { continue }
                    // A state reached by the coalition's own moves is its alone: only the rule's check.
                    if ci >= 0 {
                        next.insert(Node(state: canonical(s2), loss0: nil, coalition: ci))
                        if let cap = maxStates, r.statesExplored + next.count > cap { break layers }
                        continue
                    }
                    if t.kind == .attack { r.attacksNotFired.remove(t.name) }
                    noteChanges(s, s2, &r)
                    for rule in rules
                    where r.violation[rule] == nil && (rule == .noCollateralLoss || rule == .boundedIntervention) {
                        do { if try transitionViolates(rule, s, t, s2, account: rep) { note(rule, d) } } catch {
                            r.evalErrors.append("\(rule.rawValue) at depth \(d): \(error)")
                        }
                    }
                    var recent: [TimedLoss] = []
                    if perPeriod, let br = world.procedure.blastRadius, let l = try? ev.int(br.loss, s2) {
                        recent = updated(n.recent, time: s2.now, loss: l, trigger: s2.triggerTime)
                    }
                    next.insert(Node(state: canonical(s2), loss0: n.loss0, recent: recent))
                    if let cap = maxStates, r.statesExplored + next.count > cap { break layers }
                }
            }
            // A coalition's state that every coalition reaches too adds nothing.
            if next.contains(where: { $0.coalition >= 0 }) {
                let shared = Set(next.lazy.filter { $0.coalition < 0 }.map(\.state))
                next = next.filter { $0.coalition < 0 || !shared.contains($0.state) }
            }
            layer = next
            for n in layer { visit(n, d) }
            r.depthCompleted = d
        }
        return r
    }

    /// Records whether `before → after` changes the blast-radius loss or a real account's claim.
    private func noteChanges(_ before: State, _ after: State, _ r: inout Exploration) {
        if !r.lossChanges, let br = world.procedure.blastRadius {
            r.lossChanges = (try? ev.int(br.loss, before)) != (try? ev.int(br.loss, after))
        }
        if !r.claimChanges, let c = world.model.claim {
            r.claimChanges = Set(realAccounts(before) + realAccounts(after)).contains { a in
                (try? claim(c, before, a)) != (try? claim(c, after, a))
            }
        }
    }

    // MARK: Independent check of a counterexample

    /// Replays a counterexample on the evaluator and says whether it ends in a violation of `rule`
    /// by the explorer's own definition; nil when it does, else why not.
    func confirm(_ rule: Rule, _ cex: Counterexample) -> String? {
        guard let first = cex.steps.first else { return "empty counterexample" }
        var s = first.state
        var l0: Int?
        do {
            l0 = try world.procedure.blastRadius.map { try ev.int($0.loss, s) }
            for a in world.model.assumptions + world.incident.assumptions where !(try ev.bool(a.expr, s)) {
                return "initial state breaks \(a.name)"
            }
            if !(try ev.bool(world.procedure.trigger.expr, s)) { return "initial state breaks the trigger" }
        } catch { return "initial state: \(error)" }
        let compromisedInCex = (cex.coalition ?? []).contains { world.compromised.contains($0) }
        var attacker = compromisedInCex
        let members = Set((cex.coalition ?? []).filter { !world.compromised.contains($0) })
        // With no compromised entity, the coalition list cannot say whether the attacker is in it;
        // the coalition's own moves do.
        if world.compromised.isEmpty,
            cex.steps.contains(where: {
                if case .coalition(_, _, _, _, true)? = $0.transition { return true } else { return false }
            })
        {
            attacker = true
        }
        var states = [s]
        for step in cex.steps.dropFirst() {
            guard let t = step.transition else { return "missing transition" }
            if case .coalition(_, _, _, let by, let withAttacker) = t {
                // Escalation is the moves of the coalition under test, in its own check, allowed by docs/semantics.md.
                guard rule == .noUnilateralControl else {
                    return "a move of the coalition under test in a check of \(rule.rawValue)"
                }
                guard Set(by).subtracting(world.compromised) == members, withAttacker == attacker else {
                    return "a move of another coalition than the one under test"
                }
                guard referenceAllows(t, s) == true else {
                    return
                        "the coalition's move \(t.name) as \(t.role ?? "?") is not allowed by the reference semantics"
                }
            }
            do { s = try ev.apply(t, to: s) } catch { return "does not replay: \(error)" }
            states.append(s)
        }
        // A per-period budget: the lowest loss over the states of the last state's window.
        if let br = world.procedure.blastRadius, br.per != nil {
            do {
                let last = states[states.count - 1]
                let t0 = states[0].now
                l0 = try states.filter { oneWindow($0.now, last.now, trigger: t0) }.map { try ev.int(br.loss, $0) }
                    .min()
            } catch { return "evaluation: \(error)" }
        }
        let account = cex.account ?? rep
        if rule == .noUnilateralControl, members.count + (attacker ? 1 : 0) >= largestMinimum {
            return "coalition too large"
        }
        // With no compromised entity, the coalition list cannot say whether the attacker (borrowed
        // voting power alone) is in it: try it in as well, if that still fits under the minimum
        // (not when the trace's coalition moves say it is not).
        var coalitions = [(attacker, members)]
        let saysNoAttacker = cex.steps.contains {
            if case .coalition(_, _, _, _, false)? = $0.transition { return true } else { return false }
        }
        if world.compromised.isEmpty, !attacker, !saysNoAttacker, members.count + 1 < largestMinimum {
            coalitions.append((true, members))
        }
        do {
            if try stateViolates(rule, s, loss0: l0, coalitions: coalitions) { return nil }
            if states.count >= 2, let t = cex.steps.last?.transition,
                try transitionViolates(rule, states[states.count - 2], t, s, account: account)
            {
                return nil
            }
        } catch { return "evaluation: \(error)" }
        return "the replayed trace does not violate \(rule.rawValue)"
    }
}
