import RecovIR
import RecovSMT

/// Lowers IR expressions to Z3 over a symbolic state; mirrors `Evaluator.eval`.
struct ExprLowering {
    let ctx: Z3Context

    func lower(_ e: Expr, _ s: SymbolicState, _ env: SymbolicEnv = SymbolicEnv()) -> Z3Expr {
        switch e {
        case .int(let v): return ctx.int(v)
        case .bool(let v): return ctx.bool(v)
        case .now: return s.now
        case .variable(let n): return s.ints[n] ?? s.bools[n] ?? ctx.falseExpr
        case .param(let n): return env.params[n] ?? ctx.int(0)
        case .account: return env.account ?? ctx.int(0)
        case .select(let m, let i): return ctx.select(s.maps[m] ?? ctx.arrayConst("missing"), lower(i, s, env))
        case .apply(let op, let a):
            let x = a.map { lower($0, s, env) }
            switch op {
            case .add: return ctx.add(x)
            case .sub: return ctx.sub(x[0], x[1])
            case .mul: return ctx.mul(x[0], x[1])
            case .div: return ctx.div(x[0], x[1])
            case .mod: return ctx.mod(x[0], x[1])
            case .neg: return ctx.neg(x[0])
            case .eq: return ctx.eq(x[0], x[1])
            case .ne: return ctx.not(ctx.eq(x[0], x[1]))
            case .lt: return ctx.lt(x[0], x[1])
            case .le: return ctx.le(x[0], x[1])
            case .gt: return ctx.gt(x[0], x[1])
            case .ge: return ctx.ge(x[0], x[1])
            case .and: return ctx.and(x)
            case .or: return ctx.or(x)
            case .not: return ctx.not(x[0])
            case .implies: return ctx.implies(x[0], x[1])
            case .ite: return ctx.ite(x[0], x[1], x[2])
            case .min: return ctx.min(x[0], x[1])
            case .max: return ctx.max(x[0], x[1])
            }
        }
    }
}
