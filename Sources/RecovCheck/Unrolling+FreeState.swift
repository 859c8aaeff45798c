import RecovIR
import RecovSMT

extension Unrolling {
    /// Frees every component of the first state that the initial-state construction fixed (the
    /// program counter, the previous step's time, step times, containment and, where authority
    /// can change, holders, allowlist entries and thresholds). Variables are fresh constants already.
    func freeState(_ s: SymbolicState) {
        let n = world.procedure.steps.count
        s.now = ctx.intConst("now@0")
        s.pc = ctx.intConst("pc@0")
        s.last = ctx.intConst("last@0")
        s.stepTimes = (0..<n).map { ctx.intConst("time.\($0)@0") }
        if world.procedure.containment != nil { s.contained = ctx.boolConst("contained@0") }
        if dynamicAuthority {
            // Only what some action writes is freed; the rest keeps its declared value, which it
            // has in every reachable state (`ProofCheck` confirms no transition changes it).
            let w = AuthorityWrites(world)
            for k in s.holders.keys where w.keys.contains(k) {
                s.holders[k] = ctx.intConst(SymbolName.holder(k) + "@0")
            }
            for g in s.grants.keys where w.grants.contains(g) {
                s.grants[g] = ctx.boolConst(SymbolName.grant(key: g.key, entity: g.entity) + "@0")
            }
            for r in s.thresholds.keys where w.thresholds.contains(r) {
                s.thresholds[r] = ctx.intConst(SymbolName.threshold(r) + "@0")
            }
        }
    }
}
