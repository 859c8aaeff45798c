import CZ3

/// A satisfying assignment.
public final class Z3Model {
    public let context: Z3Context
    let raw: Z3_model

    init(_ context: Z3Context, _ raw: Z3_model) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit { Z3_model_dec_ref(context.raw, raw) }

    /// The integer value of `e` in this model (completing unconstrained parts with defaults).
    public func int(_ e: Z3Expr) throws(Z3Error) -> Int {
        try withValue(of: e) { v throws(Z3Error) in
            var i: Int64 = 0
            guard Z3_get_numeral_int64(context.raw, v, &i) else {
                throw Z3Error(
                    code: -1,
                    message:
                        "value of \(e) is not a 64-bit integer: \(String(cString: Z3_ast_to_string(context.raw, v)))")
            }
            return Int(i)
        }
    }

    /// The boolean value of `e` in this model.
    public func bool(_ e: Z3Expr) throws(Z3Error) -> Bool {
        try withValue(of: e) { v throws(Z3Error) in
            switch Z3_get_bool_value(context.raw, v) {
            case Z3_L_TRUE: return true
            case Z3_L_FALSE: return false
            default: throw Z3Error(code: -1, message: "value of \(e) is not a boolean")
            }
        }
    }

    /// Evaluates `e` in this model (model completion on) and passes the value to `read` while it
    /// holds a reference to it.
    private func withValue<T>(of e: Z3Expr, _ read: (Z3_ast) throws(Z3Error) -> T) throws(Z3Error) -> T {
        var out: Z3_ast? = nil
        guard Z3_model_eval(context.raw, raw, e.ast, true, &out), let v = out else {
            try context.throwIfError()
            throw Z3Error(code: -1, message: "cannot evaluate \(e) in the model")
        }
        Z3_inc_ref(context.raw, v)
        defer { Z3_dec_ref(context.raw, v) }
        return try read(v)
    }
}
