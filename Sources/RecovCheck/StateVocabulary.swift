import RecovIR
import RecovSMT

/// The components of one check's state, in a fixed order and with fixed names: the arguments of
/// the CHC engine's invariant predicate (`CHCProof`) and the names its invariant is written in
/// (`Lemma.formula`), so the re-check (`InvariantCheck`) can read that invariant back in a fresh Z3
/// context and place it over any state of any unrolling of the same world.
///
/// A state is what `SymbolicState` holds (every variable and map, the clock, the program counter,
/// the previous step's time, each step's time, the containment flag, and the key holders, allowlist
/// entries and thresholds some action writes), plus what stays frozen along a trace: the values
/// at the trigger (`InvariantFrame`'s origin) and the representative account.
struct StateVocabulary {
    enum Sort { case int, bool, array }

    enum Component: Hashable {
        case int(String)
        case bool(String)
        case map(String)
        case now, pc, last
        case stepTime(Int)
        case contained
        case holder(String)
        case grant(Grant)
        case threshold(String)
        case triggerNow
        case triggerInt(String)
        case triggerBool(String)
        case triggerMap(String)
        case account
    }

    let world: World
    let components: [Component]

    /// `variables`: only these of the model's state variables (nil: all of them); `timing`: the
    /// clock, the procedure's progress and the trigger time too. Written authority is always in.
    init(world: World, variables: Set<String>? = nil, timing: Bool = true) {
        self.world = world
        let state = world.model.state.filter { variables?.contains($0.name) ?? true }
        let ints = state.filter { $0.type == .int }.map(\.name).sorted()
        let bools = state.filter { $0.type == .bool }.map(\.name).sorted()
        let maps = state.filter { $0.type == .map }.map(\.name).sorted()
        var c: [Component] = ints.map { .int($0) } + bools.map { .bool($0) } + maps.map { .map($0) }
        if timing {
            c += [.now, .pc, .last] + world.procedure.steps.indices.map { .stepTime($0) }
            if world.procedure.containment != nil { c.append(.contained) }
        }
        if world.authorityIsDynamic {
            let w = AuthorityWrites(world)
            c +=
                w.keys.sorted().map { .holder($0) } + w.grants.sorted().map { .grant($0) }
                + w.thresholds.sorted().map { .threshold($0) }
        }
        c +=
            (timing ? [.triggerNow] : []) + ints.map { .triggerInt($0) } + bools.map { .triggerBool($0) }
            + maps.map { .triggerMap($0) }
        if !maps.isEmpty { c.append(.account) }
        components = c
    }

    func sort(_ c: Component) -> Sort {
        switch c {
        case .bool, .contained, .grant, .triggerBool: return .bool
        case .map, .triggerMap: return .array
        default: return .int
        }
    }

    /// The Z3 name of a component: `inv.` and the name the unrolling gives it (without a depth).
    func name(_ c: Component) -> String {
        switch c {
        case .int(let n), .bool(let n), .map(let n): return "inv." + SymbolName.stateVariable(n)
        case .now: return "inv.now"
        case .pc: return "inv.pc"
        case .last: return "inv.last"
        case .stepTime(let j): return "inv.time.\(j)"
        case .contained: return "inv.contained"
        case .holder(let k): return "inv." + SymbolName.holder(k)
        case .grant(let g): return "inv." + SymbolName.grant(key: g.key, entity: g.entity)
        case .threshold(let r): return "inv." + SymbolName.threshold(r)
        case .triggerNow: return "inv.trigger.now"
        case .triggerInt(let n), .triggerBool(let n), .triggerMap(let n):
            return "inv.trigger." + SymbolName.stateVariable(n)
        case .account: return "inv.account"
        }
    }

    /// The component as the model's reader knows it: the variable's own name, `stolen@trigger`
    /// for its value at the trigger, `stepsRun` for the program counter.
    func label(_ c: Component) -> String {
        let steps = world.procedure.steps
        switch c {
        case .int(let n), .bool(let n), .map(let n): return n
        case .now: return "now"
        case .pc: return "stepsRun"
        case .last: return "previousStepTime"
        case .stepTime(let j): return j < steps.count ? "timeOf('\(steps[j].name)')" : "timeOf(#\(j))"
        case .contained: return "contained"
        case .holder(let k): return "holder('\(k)')"
        case .grant(let g): return "allowlisted('\(g.key)', \(g.entity))"
        case .threshold(let r): return "threshold('\(r)')"
        case .triggerNow: return "triggerTime"
        case .triggerInt(let n), .triggerBool(let n), .triggerMap(let n): return "\(n)@trigger"
        case .account: return "account"
        }
    }

    /// One fresh constant per component, named by `name`.
    func constants(_ ctx: Z3Context) -> [Z3Expr] {
        components.map { c in
            switch sort(c) {
            case .int: return ctx.intConst(name(c))
            case .bool: return ctx.boolConst(name(c))
            case .array: return ctx.arrayConst(name(c))
            }
        }
    }

    /// The components in state `i` of `unrolling`, with the values at the trigger taken from
    /// `origin`; nil when a component is missing there (then nothing may be concluded).
    func values(_ u: Unrolling, at i: Int, origin: SymbolicState) -> [Z3Expr]? {
        let s = u.states[i]
        var out: [Z3Expr] = []
        for c in components {
            let v: Z3Expr?
            switch c {
            case .int(let n): v = s.ints[n]
            case .bool(let n): v = s.bools[n]
            case .map(let n): v = s.maps[n]
            case .now: v = s.now
            case .pc: v = s.pc
            case .last: v = s.last
            case .stepTime(let j): v = j < s.stepTimes.count ? s.stepTimes[j] : nil
            case .contained: v = s.contained
            case .holder(let k): v = s.holders[k]
            case .grant(let g): v = s.grants[g]
            case .threshold(let r): v = s.thresholds[r]
            case .triggerNow: v = origin.now
            case .triggerInt(let n): v = origin.ints[n]
            case .triggerBool(let n): v = origin.bools[n]
            case .triggerMap(let n): v = origin.maps[n]
            case .account: v = u.account
            }
            guard let v else { return nil }
            out.append(v)
        }
        return out
    }
}
