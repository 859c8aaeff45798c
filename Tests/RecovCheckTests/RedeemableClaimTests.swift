import Foundation
import RecovIR
import Testing

@testable import RecovCheck

// Redeemable-value claims (`Claim.redeemable`), worked by hand. The claim of account a is
// floor(shares[a] · assets / total), 0 when total <= 0. Every account starts with the same
// `shares` (a map's initial value), so the representative's value is fixed by the three numbers
// (the map is not summed into `total`; nothing here needs it to be).

private func v(_ n: String) -> Expr { .variable(n) }
private func add(_ a: Expr, _ b: Expr) -> Expr { .apply(.add, [a, b]) }
private func mul(_ a: Expr, _ b: Expr) -> Expr { .apply(.mul, [a, b]) }
private func div(_ a: Expr, _ b: Expr) -> Expr { .apply(.div, [a, b]) }
private func set(_ t: String, _ e: Expr, at i: Expr? = nil) -> Effect {
    Effect(.assign(target: t, index: i, value: e), loc: here)
}

private func pool(total: Int, assets: Int, shares: Int) -> Build {
    var b = Build()
    b.model.state = [
        StateVar(name: "assets", type: .int, min: 0, max: 500, initial: .int(assets), loc: here),
        StateVar(name: "total", type: .int, min: 0, max: 500, initial: .int(total), loc: here),
        StateVar(name: "shares", type: .map, min: 0, max: 500, initial: .int(shares), loc: here),
        StateVar(name: "reported", type: .bool, initial: .bool(false), loc: here),
    ]
    b.model.entities = [EntityDecl(name: "A", loc: here), EntityDecl(name: "B", loc: here)]
    b.model.keys = [KeyDecl(name: "k", holder: "A", loc: here)]
    b.model.roles = [Role(name: "reporter", rule: .key("k"), allowUnilateral: "files a report", loc: here)]
    b.model.actions = [Action(name: "report", by: ["reporter"], effects: [set("reported", .bool(true))], loc: here)]
    b.procedure.steps = [
        Step(name: "report", action: "report", role: "reporter", within: 1_000, writes: ["reported"], loc: here)
    ]
    let r = RedeemableClaim(shares: "shares", totalShares: v("total"), assets: v("assets"), loc: here)
    b.model.redeemable = r
    b.model.claim = Assertion(name: "claim", expr: r.expr, loc: here)
    return b
}

/// A user deposit of 1...10 that mints `minted` shares (an expression of `amount`).
private func deposit(_ minted: Expr) -> Action {
    let caller = Expr.param("caller")
    return Action(
        name: "deposit", user: true, params: [Param(name: "amount", type: .int, min: 1, max: 10, loc: here)],
        guardExpr: .apply(.gt, [v("assets"), .int(0)]),
        effects: [
            set("assets", add(v("assets"), .param("amount"))), set("total", add(v("total"), minted)),
            set("shares", add(.select("shares", caller), minted), at: caller),
        ], loc: here)
}

private func drain(_ amount: Int) -> Action {
    Action(
        name: "drain", params: [Param(name: "amount", type: .int, min: amount, max: amount, loc: here)],
        guardExpr: .apply(.ge, [v("assets"), .param("amount")]),
        effects: [set("assets", .apply(.sub, [v("assets"), .param("amount")]))], loc: here)
}

private func check(_ b: Build, depth: Int = 3) -> CheckResult {
    #expect(Validator().diagnose(b.program).isEmpty, "\(Validator().diagnose(b.program))")
    // Nonlinear (shares · assets / total): 60 s gave unknown on a loaded machine; the verdicts here
    // are decided, so the limit is generous rather than part of what is tested.
    var options = CheckOptions(depth: depth, timeoutSeconds: 600)
    options.proofs = false
    return BoundedModelChecker(world: b.world, options: options).check(.noCollateralLoss)
}

@Test func fairDepositNeverLowersTheShareValue() {
    // 3 of 7 shares of 10: floor(30/7) = 4. A deposit of x mints floor(7x/10) (rounded in the
    // pool's favour), so the price (10 + x) / (7 + floor(7x/10)) >= 10/7 and floor(3 · price) >= 4;
    // by induction the same after any number of deposits by others.
    var b = pool(total: 7, assets: 10, shares: 3)
    b.model.actions.append(deposit(div(mul(.param("amount"), v("total")), v("assets"))))
    let r = check(b)
    #expect(r.verdict == .holds, "\(r.message)")
}

@Test func depositAtParAbovePriceDilutesTheOthers() {
    // Minting 1:1 while a share is worth 10/7 > 1: after a deposit of x the representative holds
    // 3 of 7 + x shares of 10 + x; floor(3(10 + x) / (7 + x)) < 4 iff x > 2: 4 → 3 for x in 3...10.
    var b = pool(total: 7, assets: 10, shares: 3)
    b.model.actions.append(deposit(.param("amount")))
    let r = check(b)
    #expect(r.verdict == .violated)
    #expect(
        r.message.contains("redeemable value of account #") && r.message.contains("fell from 4 to 3"), "\(r.message)")
}

@Test func drainedPoolLowersTheClaim() {
    // 10 of 10 shares of 100: 100. The attacker takes 60: 10 · 40 / 10 = 40, shares untouched.
    var b = pool(total: 10, assets: 100, shares: 10)
    b.incident.attacks = [drain(60)]
    let r = check(b)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("fell from 100 to 40 through attack drain(amount: 60)"), "\(r.message)")
    #expect(r.message.contains("10 of 10 shares; the pool's assets 100 → 40 (60 taken from the pool)"), "\(r.message)")
}

@Test func noSharesOutstandingIsNothingToLose() {
    // total = 0: the claim is 0 (not a division by zero), before and after the drain: holds.
    var b = pool(total: 0, assets: 100, shares: 10)
    b.incident.attacks = [drain(60)]
    #expect(check(b).verdict == .holds)
    // Burning every share outstanding (total 10 → 0) takes the representative's 100 to 0.
    var c = pool(total: 10, assets: 100, shares: 10)
    c.incident.attacks = [
        Action(
            name: "burnAll", guardExpr: .apply(.gt, [v("total"), .int(0)]), effects: [set("total", .int(0))], loc: here)
    ]
    let r = check(c)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("fell from 100 to 0") && r.message.contains("total shares 10 → 0"), "\(r.message)")
}

@Test func allowReductionStillExemptsAFairLiquidation() {
    // 10 of 20 shares of 100: 50. Liquidating the representative seizes its shares: 50 → 0.
    // Allowed for the victim: holds (the others' value rises to 10 · 100 / 10 = 100); not allowed: violated.
    // (Liquidating the others can never lower the representative: price 100/20 → 100/10.)
    func liquidation(allowed: Bool) -> Build {
        var b = pool(total: 20, assets: 100, shares: 10)
        let victim = Expr.param("victim")
        b.model.actions.append(
            Action(
                name: "liquidate", user: true, params: [Param(name: "victim", type: .account, loc: here)],
                // Someone else still holds shares: without it two liquidations of the others take
                // `total` to 0 while the representative's 10 stay (the map is not summed into `total`).
                guardExpr: .apply(
                    .and,
                    [
                        .apply(.gt, [.select("shares", victim), .int(0)]), .apply(.ne, [victim, .param("caller")]),
                        .apply(.gt, [v("total"), .select("shares", victim)]),
                    ]),
                effects: [
                    set("shares", .int(0), at: victim),
                    set("total", .apply(.sub, [v("total"), .select("shares", victim)])),
                ],
                allowedReduction: allowed ? .apply(.eq, [.account, victim]) : nil, loc: here))
        return b
    }
    let fair = check(liquidation(allowed: true))
    #expect(fair.verdict == .holds, "\(fair.message)")
    let r = check(liquidation(allowed: false))
    #expect(r.verdict == .violated)
    #expect(r.message.contains("fell from 50 to 0") && r.message.contains("its shares 10 → 0"), "\(r.message)")
}

@Test func redeemableFormMustMatchTheClaim() {
    var b = pool(total: 10, assets: 100, shares: 10)
    b.model.claim = Assertion(name: "claim", expr: .select("shares", .account), loc: here)
    #expect(Validator().diagnose(b.program).contains { $0.message.contains("does not match the model's claim") })
    var c = pool(total: 10, assets: 100, shares: 10)
    c.model.redeemable?.shares = "assets"
    c.model.claim = c.model.redeemable.map { Assertion(name: "claim", expr: $0.expr, loc: here) }
    #expect(Validator().diagnose(c.program).contains { $0.message.contains("'assets' is not an account map") })
}
