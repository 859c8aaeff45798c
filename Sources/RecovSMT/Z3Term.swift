import CZ3

/// The shape of one Z3 term, for code that reads terms back (an invariant Z3 computed, printed in a
/// model's terms): a numeral, a constant, an application of a built-in or uninterpreted function,
/// or something else (a bound variable, a quantifier), carried as its SMT-LIB text.
public enum Z3Term {
    /// An integer numeral, as its decimal text (it may exceed 64 bits).
    case numeral(String)
    case bool(Bool)
    /// An uninterpreted constant (a declared name with no arguments).
    case constant(String)
    /// An application: the operator, the function's name and its arguments.
    case app(Operator, name: String, args: [Z3Expr])
    /// A bound variable, a quantifier or a lambda: only its text.
    case other(String)

    /// The built-in operators a reader of invariants meets; anything else is `.other`.
    public enum Operator: Sendable {
        case add, sub, neg, mul, div, mod, le, ge, lt, gt, eq, distinct, not, and, or, implies, ite, select, store,
            other

        init(_ k: Z3_decl_kind) { self = Self.kinds[k.rawValue] ?? .other }

        private static let kinds: [UInt32: Operator] = [
            Z3_OP_ADD.rawValue: .add, Z3_OP_SUB.rawValue: .sub, Z3_OP_UMINUS.rawValue: .neg, Z3_OP_MUL.rawValue: .mul,
            Z3_OP_IDIV.rawValue: .div, Z3_OP_DIV.rawValue: .div, Z3_OP_MOD.rawValue: .mod,
            Z3_OP_LE.rawValue: .le, Z3_OP_GE.rawValue: .ge, Z3_OP_LT.rawValue: .lt, Z3_OP_GT.rawValue: .gt,
            Z3_OP_EQ.rawValue: .eq, Z3_OP_IFF.rawValue: .eq, Z3_OP_DISTINCT.rawValue: .distinct,
            Z3_OP_NOT.rawValue: .not, Z3_OP_AND.rawValue: .and, Z3_OP_OR.rawValue: .or,
            Z3_OP_IMPLIES.rawValue: .implies,
            Z3_OP_ITE.rawValue: .ite, Z3_OP_SELECT.rawValue: .select, Z3_OP_STORE.rawValue: .store,
        ]
    }
}

extension Z3Expr {
    /// The term's shape (see `Z3Term`).
    public var term: Z3Term {
        let c = context.raw
        switch Z3_get_ast_kind(c, ast) {
        case Z3_NUMERAL_AST:
            return .numeral(String(cString: Z3_get_numeral_string(c, ast)))
        case Z3_APP_AST:
            let app = Z3_to_app(c, ast)!
            let decl = Z3_get_app_decl(c, app)!
            let kind = Z3_get_decl_kind(c, decl)
            let n = Z3_get_app_num_args(c, app)
            if kind == Z3_OP_TRUE { return .bool(true) }
            if kind == Z3_OP_FALSE { return .bool(false) }
            let name = String(cString: Z3_get_symbol_string(c, Z3_get_decl_name(c, decl)))
            if n == 0 && kind == Z3_OP_UNINTERPRETED { return .constant(name) }
            let args = (0..<n).map { Z3Expr(context, Z3_get_app_arg(c, app, $0)) }
            return .app(Z3Term.Operator(kind), name: name, args: args)
        default:
            return .other(description)
        }
    }

    /// The top-level conjuncts of a formula (`true` has none).
    public var conjuncts: [Z3Expr] {
        switch term {
        case .bool(true): return []
        case .app(.and, _, let args): return args.flatMap(\.conjuncts)
        default: return [self]
        }
    }

    /// Whether the term is Boolean.
    public var isBool: Bool { Z3_get_sort_kind(context.raw, Z3_get_sort(context.raw, ast)) == Z3_BOOL_SORT }
}

extension Z3Context {
    /// The uninterpreted constants that occur in `exprs` (inside quantifiers too), each once, in
    /// the order first met, except the relations `excluding` of no arguments: what a Horn clause
    /// over them is universally closed over.
    public func constants(in exprs: [Z3Expr], excluding: [Z3Relation] = []) -> [Z3Expr] {
        let relations = Set(excluding.map { Z3_get_ast_id(raw, Z3_func_decl_to_ast(raw, $0.raw)) })
        var seen: Set<UInt32> = []
        var out: [Z3Expr] = []
        var stack = exprs.map(\.ast).reversed().map { $0 }
        while let a = stack.popLast() {
            guard seen.insert(Z3_get_ast_id(raw, a)).inserted else { continue }
            switch Z3_get_ast_kind(raw, a) {
            case Z3_APP_AST:
                let app = Z3_to_app(raw, a)!
                let n = Z3_get_app_num_args(raw, app)
                let decl = Z3_get_app_decl(raw, app)
                if n == 0 && Z3_get_decl_kind(raw, decl) == Z3_OP_UNINTERPRETED
                    && !relations.contains(Z3_get_ast_id(raw, Z3_func_decl_to_ast(raw, decl)))
                {
                    out.append(Z3Expr(self, a))
                }
                for i in (0..<n).reversed() { stack.append(Z3_get_app_arg(raw, app, i)) }
            case Z3_QUANTIFIER_AST:
                stack.append(Z3_get_quantifier_body(raw, a))
            default: break
            }
        }
        return out
    }

    /// `e` with every occurrence of `from[i]` replaced by `to[i]`.
    public func substitute(_ e: Z3Expr, _ from: [Z3Expr], _ to: [Z3Expr]) -> Z3Expr {
        precondition(from.count == to.count)
        if from.isEmpty { return e }
        let f = from.map { Optional($0.ast) }
        let t = to.map { Optional($0.ast) }
        return wrap(Z3_substitute(raw, e.ast, UInt32(f.count), f, t))
    }

    /// `e` simplified by Z3's rewriter.
    public func simplify(_ e: Z3Expr) -> Z3Expr { wrap(Z3_simplify(raw, e.ast)) }

    /// The conjunction of the assertions in an SMT-LIB2 script (`(assert ...)` commands), whose
    /// free names are `declarations` (constants of this context, matched by name). A script that
    /// does not parse is recorded as this context's pending error (thrown by the next check).
    public func parse(_ script: String, declarations: [Z3Expr]) -> Z3Expr {
        let decls: [Z3_func_decl?] = declarations.map { Z3_get_app_decl(raw, Z3_to_app(raw, $0.ast)) }
        let names: [Z3_symbol?] = decls.map { Z3_get_decl_name(raw, $0) }
        // Every API call resets the error code: read it right after parsing.
        guard let v = Z3_parse_smtlib2_string(raw, script, 0, nil, nil, UInt32(decls.count), names, decls),
            Z3_get_error_code(raw) == Z3_OK
        else {
            return wrap(nil)
        }
        Z3_ast_vector_inc_ref(raw, v)
        defer { Z3_ast_vector_dec_ref(raw, v) }
        let n = Z3_ast_vector_size(raw, v)
        return and((0..<n).map { wrap(Z3_ast_vector_get(raw, v, $0)) })
    }

    /// An uninterpreted relation (a predicate over the given sorts), for Horn clauses.
    public func relation(_ name: String, _ domain: [Z3_sort]) -> Z3Relation {
        let d: [Z3_sort?] = domain
        return Z3Relation(self, Z3_mk_func_decl(raw, Z3_mk_string_symbol(raw, name), UInt32(d.count), d, boolSort))
    }

    /// An uninterpreted relation whose arguments have the sorts of `samples`.
    public func relation(_ name: String, over samples: [Z3Expr]) -> Z3Relation {
        let d: [Z3_sort?] = samples.map { Z3_get_sort(raw, $0.ast) }
        return Z3Relation(self, Z3_mk_func_decl(raw, Z3_mk_string_symbol(raw, name), UInt32(d.count), d, boolSort))
    }
}
