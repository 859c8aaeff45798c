/// Largest magnitude of an integer literal or bound; keeps concrete arithmetic far from overflow.
public let maxLiteralMagnitude = 1_000_000_000_000_000  // 10^15

/// Deepest expression tree accepted.
public let maxExprDepth = 64

/// Computes the type of an expression, or explains why it is ill-typed.
public func typeOf(_ e: Expr, in scope: ExprScope) -> Result<ExprType, Diagnostic> {
    func check(_ e: Expr) throws(Diagnostic) -> ExprType {
        switch e {
        case .int(let v):
            guard v.magnitude <= UInt(maxLiteralMagnitude) else {
                throw typeError("integer literal \(v) is out of range (at most \(maxLiteralMagnitude) in magnitude)")
            }
            return .int
        case .bool: return .bool
        case .now: return .int
        case .account:
            guard scope.hasAccount else {
                throw typeError(
                    "'account' is only meaningful inside a claim, a map-wide assignment or an allowed reduction")
            }
            return .account
        case .variable(let n):
            guard let v = scope.model.variable(n) else { throw typeError("unknown state variable '\(n)'") }
            switch v.type {
            case .int: return .int
            case .bool: return .bool
            case .map: throw typeError("'\(n)' is a per-account map; index it as \(n)[account]")
            }
        case .param(let n):
            guard let t = scope.params[n] else { throw typeError("unknown parameter '\(n)'") }
            return t
        case .select(let m, let i):
            guard let v = scope.model.variable(m) else { throw typeError("unknown state variable '\(m)'") }
            guard v.type == .map else { throw typeError("'\(m)' is not a per-account map and cannot be indexed") }
            guard try check(i) == .account else { throw typeError("index of '\(m)' must be an account") }
            return .int
        case .apply(let op, let args):
            let arity: Int
            switch op {
            case .neg, .not: arity = 1
            case .ite: arity = 3
            case .and, .or: arity = -1
            default: arity = 2
            }
            if arity >= 0, args.count != arity {
                throw typeError("'\(op.rawValue)' takes \(arity) operand(s), got \(args.count)")
            }
            if arity < 0, args.isEmpty { throw typeError("'\(op.rawValue)' needs operands") }
            let ts = try args.map { a throws(Diagnostic) in try check(a) }
            func all(_ t: ExprType) throws(Diagnostic) {
                for (i, x) in ts.enumerated() where x != t {
                    throw typeError(
                        "operand \(i + 1) of '\(op.rawValue)' must be \(t.rawValue), found \(x.rawValue): \(args[i])")
                }
            }
            switch op {
            case .add, .sub, .mul, .div, .mod, .neg, .min, .max:
                try all(.int)
                return .int
            case .lt, .le, .gt, .ge:
                try all(.int)
                return .bool
            case .and, .or, .not, .implies:
                try all(.bool)
                return .bool
            case .eq, .ne:
                guard ts[0] == ts[1] else {
                    throw typeError("cannot compare \(ts[0].rawValue) with \(ts[1].rawValue): \(e)")
                }
                return .bool
            case .ite:
                guard ts[0] == .bool else { throw typeError("condition of 'ite' must be bool") }
                guard ts[1] == ts[2] else {
                    throw typeError("branches of 'ite' differ: \(ts[1].rawValue) and \(ts[2].rawValue)")
                }
                return ts[1]
            }
        }
    }
    if e.depth > maxExprDepth {
        return .failure(typeError("expression is nested \(e.depth) deep (at most \(maxExprDepth))"))
    }
    do { return .success(try check(e)) } catch { return .failure(error) }
}

/// Why an expression is ill-typed: a diagnostic without a location (the caller knows where the
/// expression is written).
private func typeError(_ message: String) -> Diagnostic { Diagnostic(message, at: nil) }
