import RecovIR
import RecovSMT

/// Declared ranges are part of the `invariant` rule: an `IntVar` or `AccountMap` that leaves its
/// range through any transition is a violation with a replayed trace (widen the range, or add the
/// `Require` the contract has). Transitions that leave a range are never dropped, so a range
/// never hides an attack (docs/semantics.md, "Ranges").
struct RangeCheck {
    let world: World

    /// The first variable (or map entry, the witness account's first) outside its range in `s`.
    func leftRange(_ s: State, transitions d: Int, witness: Int?) -> (String, SourceLocation)? {
        for v in world.model.state where v.type != .bool {
            let values: [(String, Int)]
            if v.type == .int {
                values = s.ints[v.name].map { [(v.name, $0)] } ?? []
            } else {
                let m = s.maps[v.name] ?? [:]
                let order = (witness.map { [$0] } ?? []) + m.keys.sorted().filter { $0 != witness }
                values = order.compactMap { a in m[a].map { ("\(v.name)[#\(a)]", $0) } }
            }
            for (name, x) in values where (v.min.map { x < $0 } ?? false) || (v.max.map { x > $0 } ?? false) {
                return (
                    "'\(name)' = \(x) left its declared range \(v.min.map(String.init) ?? "")...\(v.max.map(String.init) ?? "") after \(d) transition(s): widen the range or add the Require the contract enforces",
                    v.loc
                )
            }
        }
        return nil
    }
}

extension World {
    /// Whether any state variable has a declared range (every `IntVar` and `AccountMap` does).
    var hasRanges: Bool { model.state.contains { $0.type != .bool && ($0.min != nil || $0.max != nil) } }
}

extension PropertyEncoding {
    /// Some integer variable, or the representative account's map entry, is outside its range at depth `d`.
    func rangeViolations(_ d: Int) -> [Z3Expr] {
        let u = unrolling
        let s = u.states[d]
        var parts: [Z3Expr] = []
        for v in world.model.state where v.type != .bool {
            let x: Z3Expr
            switch v.type {
            case .int:
                guard let e = s.ints[v.name] else { continue }
                x = e
            case .map:
                guard let arr = s.maps[v.name] else { continue }
                x = ctx.select(arr, u.account)
            case .bool: continue
            }
            if let lo = v.min { parts.append(ctx.lt(x, ctx.int(lo))) }
            if let hi = v.max { parts.append(ctx.gt(x, ctx.int(hi))) }
        }
        return parts
    }
}
