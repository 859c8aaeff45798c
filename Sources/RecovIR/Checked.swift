/// Integer arithmetic outside the solver, checked: an overflow of the 64-bit evaluator is an
/// error naming what was computed, never a trap (docs/semantics.md, "Arithmetic").
public enum Checked {
    public static func add(_ a: Int, _ b: Int, _ what: @autoclosure () -> String) throws(EvaluationError) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw EvaluationError.overflow(what()) }
        return r
    }

    public static func sub(_ a: Int, _ b: Int, _ what: @autoclosure () -> String) throws(EvaluationError) -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw EvaluationError.overflow(what()) }
        return r
    }

    public static func mul(_ a: Int, _ b: Int, _ what: @autoclosure () -> String) throws(EvaluationError) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw EvaluationError.overflow(what()) }
        return r
    }

    /// The sum of `xs`, checked.
    public static func sum(_ xs: [Int], _ what: @autoclosure () -> String) throws(EvaluationError) -> Int {
        var acc = 0
        for x in xs { acc = try add(acc, x, what()) }
        return acc
    }

    /// Whether `a * b >= c * d`, exactly (128-bit products), for any 64-bit operands.
    public static func productAtLeast(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        wide(a, b) >= wide(c, d)
    }

    /// `a * b` as a signed 128-bit value (high, low) ordered lexicographically.
    private static func wide(_ a: Int, _ b: Int) -> Wide {
        let r = a.multipliedFullWidth(by: b)
        return Wide(high: r.high, low: r.low)
    }

    private struct Wide: Comparable {
        var high: Int
        var low: UInt
        static func < (x: Wide, y: Wide) -> Bool { (x.high, x.low) < (y.high, y.low) }
    }
}

extension EvaluationError {
    /// The prefix of every overflow message, so callers can tell overflow from other failures.
    public static let overflowPrefix = "integer overflow"

    /// An overflow of 64-bit arithmetic while computing `what`.
    public static func overflow(_ what: String) -> EvaluationError {
        EvaluationError("\(overflowPrefix) in \(what): values beyond ±9.2e18 cannot be checked concretely")
    }

    /// Whether this error is an arithmetic overflow.
    public var isOverflow: Bool { message.hasPrefix(Self.overflowPrefix) }
}
