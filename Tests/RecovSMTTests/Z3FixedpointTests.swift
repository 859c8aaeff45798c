import RecovSMT
import Testing

/// Two counters that move together, `y` five ahead: Spacer proves `y - x == 5` and returns it,
/// stated over the arguments in order.
@Test func spacerProvesAndReturnsTheInvariantOverTheArguments() throws {
    let ctx = Z3Context()
    let fp = Z3Fixedpoint(ctx, timeoutMs: 10_000)
    let inv = ctx.relation("Inv", [ctx.intSort, ctx.intSort])
    let bad = ctx.relation("Bad", [])
    fp.register(inv)
    fp.register(bad)
    let x = ctx.intConst("x")
    let y = ctx.intConst("y")
    let x1 = ctx.intConst("x'")
    let y1 = ctx.intConst("y'")
    fp.addRule([ctx.eq(x, ctx.int(0)), ctx.eq(y, ctx.int(5))], inv([x, y]), name: "init")
    fp.addRule(
        [inv([x, y]), ctx.eq(x1, ctx.add([x, ctx.int(1)])), ctx.eq(y1, ctx.add([y, ctx.int(1)]))], inv([x1, y1]),
        name: "step")
    fp.addRule([inv([x, y]), ctx.not(ctx.eq(ctx.sub(y, ctx.int(5)), x))], bad([]), name: "query")
    #expect(try fp.query(bad) == .unsat)
    let a = ctx.intConst("a")
    let b = ctx.intConst("b")
    let i = try #require(try fp.interpretation(of: inv, arguments: [a, b]))
    let s = Z3Solver(ctx)
    s.assert(i)
    #expect(try s.check(assuming: [ctx.eq(a, ctx.int(0)), ctx.eq(b, ctx.int(5))]) == .sat)
    #expect(try s.check(assuming: [ctx.eq(a, ctx.int(5)), ctx.eq(b, ctx.int(0))]) == .unsat)
}

/// A reachable bad state: `sat`.
@Test func spacerFindsAReachableViolation() throws {
    let ctx = Z3Context()
    let fp = Z3Fixedpoint(ctx, timeoutMs: 10_000)
    let inv = ctx.relation("Inv", [ctx.intSort])
    let bad = ctx.relation("Bad", [])
    fp.register(inv)
    fp.register(bad)
    let x = ctx.intConst("x")
    let x1 = ctx.intConst("x'")
    fp.addRule([ctx.eq(x, ctx.int(0))], inv([x]), name: "init")
    fp.addRule([inv([x]), ctx.eq(x1, ctx.add([x, ctx.int(1)]))], inv([x1]), name: "step")
    fp.addRule([inv([x]), ctx.ge(x, ctx.int(15))], bad([]), name: "query")
    #expect(try fp.query(bad) == .sat)
}

/// The printed invariant parses back in a fresh context.
@Test func formulasRoundTripThroughSMTLIBText() throws {
    let ctx = Z3Context()
    let x = ctx.intConst("v.x")
    let y = ctx.intConst("v.y")
    let f = ctx.and([ctx.le(ctx.add([x, ctx.int(3)]), y), ctx.not(ctx.eq(x, ctx.int(-2)))])
    let other = Z3Context()
    let x2 = other.intConst("v.x")
    let y2 = other.intConst("v.y")
    let g = other.parse("(assert \(f))", declarations: [x2, y2])
    let s = Z3Solver(other)
    s.assert(g)
    #expect(try s.check(assuming: [other.eq(x2, other.int(0)), other.eq(y2, other.int(3))]) == .sat)
    #expect(try s.check(assuming: [other.eq(x2, other.int(0)), other.eq(y2, other.int(2))]) == .unsat)
    let bad = other.parse("(assert (<= v.x undeclared))", declarations: [x2, y2])
    let s2 = Z3Solver(other)
    s2.assert(bad)
    #expect(throws: Z3Error.self) { try s2.check() }
}

/// The counters of the first test, under a given resource limit.
private func counters(resourceLimit: UInt32, interrupt: Z3Interrupt? = nil) throws -> SatResult {
    func run() throws -> SatResult {
        let ctx = Z3Context()
        let fp = Z3Fixedpoint(ctx, timeoutMs: 10_000, resourceLimit: resourceLimit)
        let inv = ctx.relation("Inv", [ctx.intSort, ctx.intSort])
        let bad = ctx.relation("Bad", [])
        fp.register(inv)
        fp.register(bad)
        let x = ctx.intConst("x")
        let y = ctx.intConst("y")
        let x1 = ctx.intConst("x'")
        let y1 = ctx.intConst("y'")
        fp.addRule([ctx.eq(x, ctx.int(0)), ctx.eq(y, ctx.int(5))], inv([x, y]), name: "init")
        fp.addRule(
            [inv([x, y]), ctx.eq(x1, ctx.add([x, ctx.int(1)])), ctx.eq(y1, ctx.add([y, ctx.int(2)]))], inv([x1, y1]),
            name: "step")
        fp.addRule([inv([x, y]), ctx.lt(y, x)], bad([]), name: "query")
        interrupt?.interrupt()
        return try fp.query(bad)
    }
    guard let interrupt else { return try run() }
    return try Z3Interrupt.$current.withValue(interrupt) { try run() }
}

/// A deterministic resource limit stops Spacer with `unknown`, never a verdict.
@Test func spacerStopsAtItsResourceLimit() throws {
    #expect(try counters(resourceLimit: 0) == .unsat)
    guard case .unknown = try counters(resourceLimit: 50) else {
        Issue.record("a resource limit of 50 should stop Spacer")
        return
    }
}

/// An interrupted Spacer query answers `unknown("canceled")`.
@Test func spacerAnswersUnknownWhenInterrupted() throws {
    #expect(try counters(resourceLimit: 0, interrupt: Z3Interrupt()) == .unknown("canceled"))
}
