import RecovSMT

/// Prints a Z3 formula over a `StateVocabulary` in the model's terms, infix, for reports:
/// `stolen - stolen@trigger <= 50000 || stepsRun >= 1`. Names outside the vocabulary (and terms it
/// does not know) are printed as Z3 prints them. Only for reading: the re-check uses the
/// formula's SMT-LIB text, never this.
struct FormulaText {
    /// Z3 constant name → the reader's name.
    let labels: [String: String]

    init(_ vocabulary: StateVocabulary) {
        var l: [String: String] = [:]
        for c in vocabulary.components { l[vocabulary.name(c)] = vocabulary.label(c) }
        labels = l
    }

    func text(_ e: Z3Expr) -> String { show(e, top: true) }

    private func show(_ e: Z3Expr, top: Bool = false) -> String {
        func wrap(_ s: String) -> String { top ? s : "(" + s + ")" }
        switch e.term {
        case .numeral(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .constant(let n): return labels[n] ?? n
        case .other(let t): return t
        case .app(let op, let name, let args):
            let xs = args
            switch op {
            case .add:
                var out = show(xs[0])
                for x in xs.dropFirst() {
                    if let m = negated(x) { out += " - " + show(m) } else { out += " + " + show(x) }
                }
                return wrap(out)
            case .sub: return wrap(xs.map { show($0) }.joined(separator: " - "))
            case .neg: return "-" + show(xs[0])
            case .mul:
                if xs.count == 2, let m = negated(e) { return "-" + show(m) }
                return wrap(xs.map { show($0) }.joined(separator: " * "))
            case .div: return wrap(show(xs[0]) + " / " + show(xs[1]))
            case .mod: return wrap(show(xs[0]) + " % " + show(xs[1]))
            case .le: return wrap(show(xs[0]) + " <= " + show(xs[1]))
            case .ge: return wrap(show(xs[0]) + " >= " + show(xs[1]))
            case .lt: return wrap(show(xs[0]) + " < " + show(xs[1]))
            case .gt: return wrap(show(xs[0]) + " > " + show(xs[1]))
            case .eq: return wrap(show(xs[0]) + " == " + show(xs[1]))
            case .distinct: return wrap(xs.map { show($0) }.joined(separator: " != "))
            case .not:
                if case .app(let k, _, let ys) = xs[0].term {
                    switch k {
                    case .le: return wrap(show(ys[0]) + " > " + show(ys[1]))
                    case .ge: return wrap(show(ys[0]) + " < " + show(ys[1]))
                    case .lt: return wrap(show(ys[0]) + " >= " + show(ys[1]))
                    case .gt: return wrap(show(ys[0]) + " <= " + show(ys[1]))
                    case .eq: return wrap(show(ys[0]) + " != " + show(ys[1]))
                    default: break
                    }
                }
                return "!" + show(xs[0])
            case .and: return wrap(xs.map { show($0, top: isAtom($0)) }.joined(separator: " && "))
            case .or: return wrap(xs.map { show($0, top: isAtom($0)) }.joined(separator: " || "))
            case .implies: return wrap(show(xs[0]) + " => " + show(xs[1]))
            case .ite: return "(" + show(xs[0]) + " ? " + show(xs[1]) + " : " + show(xs[2]) + ")"
            case .select: return show(xs[0]) + "[" + show(xs[1], top: true) + "]"
            case .store:
                return "(" + show(xs[0]) + " with [" + show(xs[1], top: true) + "] = " + show(xs[2], top: true) + ")"
            case .other: return name + "(" + xs.map { show($0, top: true) }.joined(separator: ", ") + ")"
            }
        }
    }

    /// A comparison or a negated one: binds tighter than `&&` and `||`, so needs no parentheses there.
    private func isAtom(_ e: Z3Expr) -> Bool {
        guard case .app(let op, _, let xs) = e.term else { return true }
        switch op {
        case .le, .ge, .lt, .gt, .eq, .distinct: return true
        case .not:
            return isAtom(xs[0])
                && {
                    if case .app(.and, _, _) = xs[0].term { return false }
                    if case .app(.or, _, _) = xs[0].term { return false }
                    return true
                }()
        default: return false
        }
    }

    /// `x` when `e` is `-1 * x` (or `-c * x`, as `c * x`), a term Z3's arithmetic writes for subtraction.
    private func negated(_ e: Z3Expr) -> Z3Expr? {
        guard case .app(.mul, _, let xs) = e.term, xs.count == 2, case .numeral(let n) = xs[0].term, n.hasPrefix("-")
        else { return nil }
        if n == "-1" { return xs[1] }
        let ctx = e.context
        guard let c = Int(n.dropFirst()) else { return nil }
        return ctx.mul(ctx.int(c), xs[1])
    }
}
