import CZ3

/// An uninterpreted predicate, kept alive by Z3's reference count.
public final class Z3Relation {
    public let context: Z3Context
    public let raw: Z3_func_decl

    init(_ context: Z3Context, _ raw: Z3_func_decl) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw))
    }

    deinit { Z3_dec_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw)) }

    /// The predicate applied to `args`.
    public func callAsFunction(_ args: [Z3Expr]) -> Z3Expr {
        let a = args.map { Optional($0.ast) }
        return context.wrap(Z3_mk_app(context.raw, raw, UInt32(a.count), a))
    }
}
