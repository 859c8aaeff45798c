import RecovIR
import Testing

@testable import RecovCheck

private func check(_ b: Build, _ rule: Rule, depth: Int = 6) -> CheckResult {
    #expect(Validator().diagnose(b.program).isEmpty, "fixture must be valid: \(Validator().diagnose(b.program))")
    return BoundedModelChecker(world: b.world, options: CheckOptions(depth: depth, timeoutSeconds: 30)).check(rule)
}

@Test func wellFormedPauseHoldsEverything() {
    let b = Build.pausable()
    for rule in Checker.rules {
        let r = check(b, rule)
        #expect(r.verdict.passes || r.verdict == .notApplicable, "\(rule): \(r.verdict) \(r.message)")
    }
}

@Test func thresholdOneIsUnilateralControl() throws {
    let r = check(.pausable(threshold: 1), .noUnilateralControl)
    #expect(r.verdict == .violated)
    let cex = try #require(r.counterexample)
    #expect(cex.coalition?.count == 1)
    #expect(r.message.contains("one entity"))
    #expect(r.location.line == 7)
}

@Test func oneEntityHoldingTwoKeysIsCaught() {
    var b = Build.pausable()
    b.model.keys[1].holder = "A"
    let r = check(b, .noUnilateralControl)
    #expect(r.verdict == .violated)
    #expect(r.counterexample?.coalition == ["A"])
}

@Test func allowlistEscalationIsCaughtThroughTheTrace() {
    var b = Build.pausable()
    // Anyone may call a buggy action that grants A the power of k2.
    var open = Role(name: "public", rule: .anyone, loc: here)
    open.loc = here
    b.model.roles.append(open)
    b.model.actions.append(
        Action(
            name: "grantBug", by: ["public"], effects: [Effect(.grant(key: "k2", entity: "A"), loc: here)], loc: here))
    let r = check(b, .noUnilateralControl)
    #expect(r.verdict == .violated)
    #expect((r.counterexample?.steps.count ?? 0) == 2, "one transition: the grant")
}

/// 3 of 4: A holds k1 and k2 (counted together, per entity), B k3, C k4. An open action rotates k3
/// to A: then A alone holds 3. Worked out by hand: violated after one transition (the rotation),
/// by A alone; without the rotation A holds 2 and the check holds. Both encodings agree.
private func rotatingPool(rotation: Bool) -> Build {
    var b = Build.pausable()
    b.model.keys = [
        KeyDecl(name: "k1", holder: "A", loc: here), KeyDecl(name: "k2", holder: "A", loc: here),
        KeyDecl(name: "k3", holder: "B", loc: here), KeyDecl(name: "k4", holder: "C", loc: here),
    ]
    b.model.roles[0].rule = .multisig(keys: ["k1", "k2", "k3", "k4"], threshold: 3)
    b.model.roles.append(Role(name: "public", rule: .anyone, loc: here))
    let target = rotation ? "A" : "C"
    b.model.actions.append(
        Action(
            name: "rotateBug", by: ["public"], effects: [Effect(.rotateKey(key: "k3", entity: target), loc: here)],
            loc: here))
    return b
}

@Test func rotationOntoAHolderOfSeveralKeysIsCaught() throws {
    for encoding in AuthorityEncoding.allCases {
        let b = rotatingPool(rotation: true)
        let r = BoundedModelChecker(
            world: b.world, options: CheckOptions(depth: 4, timeoutSeconds: 30, authorityEncoding: encoding)
        ).check(.noUnilateralControl)
        #expect(r.verdict == .violated, "\(encoding): \(r.message)")
        let cex = try #require(r.counterexample)
        #expect(cex.coalition == ["A"], "\(encoding)")
        #expect(cex.steps.count == 2, "\(encoding): one transition, the rotation")
    }
}

@Test func rotationOntoAnotherSingleHolderKeepsControlShared() {
    for encoding in AuthorityEncoding.allCases {
        // C ends with k3 and k4 (2 of 4), A keeps 2: no one entity reaches 3.
        let b = rotatingPool(rotation: false)
        let r = BoundedModelChecker(
            world: b.world, options: CheckOptions(depth: 4, timeoutSeconds: 30, authorityEncoding: encoding)
        ).check(.noUnilateralControl)
        #expect(r.verdict.passes, "\(encoding): \(r.message)")
    }
}

@Test func compromisedEntityJoinsTheAttacker() {
    var b = Build.pausable()
    b.model.keys[1].holder = "A"
    b.model.entities.append(EntityDecl(name: "D", loc: here))
    b.model.keys[2].holder = "D"
    b.incident.compromised = ["A"]
    // The attacker (A) holds k1 and k2: 2 of 3 alone.
    let r = check(b, .noUnilateralControl)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("attacker"))
}

@Test func pauseThatNeverEndsViolatesItsBound() {
    var b = Build.pausable()
    let bound = Bound(.maxDuration(expr: .variable("paused"), duration: 100), loc: here)
    b.procedure.steps[0].bounds = [bound]
    let r = check(b, .boundedIntervention)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("beyond its declared maximum"))
}

@Test func undeclaredWriteViolatesBoundedIntervention() {
    var b = Build.pausable()
    b.model.actions[0].effects.append(Effect(.assignAll(target: "balance", value: .int(0)), loc: here))
    let r = check(b, .boundedIntervention)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("does not declare"))
}

@Test func seizingBalancesIsCollateralLoss() throws {
    var b = Build.pausable()
    b.model.actions[0].effects.append(Effect(.assignAll(target: "balance", value: .int(0)), loc: here))
    b.procedure.steps[0].writes.append("balance")
    let r = check(b, .noCollateralLoss)
    #expect(r.verdict == .violated)
    let cex = try #require(r.counterexample)
    #expect(cex.account != nil)
    #expect(r.message.contains("did not initiate"))
}

@Test func ownWithdrawalIsNotCollateralLoss() {
    let r = check(.pausable(), .noCollateralLoss)
    #expect(r.verdict.passes)
}

@Test func lateContainmentIsFound() {
    var b = Build.pausable()
    b.procedure.steps[0].after = 120
    b.procedure.steps[0].within = 120
    let r = check(b, .containmentTime)
    #expect(r.verdict == .violated)
    #expect(r.worstCase ?? 0 > 60)
}

@Test func blockedStepIsAViolationNotAStall() {
    var b = Build.pausable()
    // The attacker can pause first (it holds a guardian quorum), so the procedure's pause guard fails.
    b.model.keys[1].holder = "A"
    b.incident.compromised = ["A"]
    b.model.entities.append(EntityDecl(name: "D", loc: here))
    let r = check(b, .boundedIntervention)
    #expect(r.verdict == .violated)
    #expect(r.message.contains("cannot run"))
}

@Test func blastRadiusFindsTheWorstLoss() {
    var b = Build.pausable()
    b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
    let r = check(b, .blastRadius)
    #expect(r.verdict == .violated)
    #expect((r.worstCase ?? 0) > 60)
}

@Test func contradictoryAssumptionsAreASanityError() {
    var b = Build.pausable()
    b.model.assumptions = [
        Assertion(name: "impossible", expr: .apply(.gt, [.variable("stolen"), .int(5000)]), loc: here)
    ]
    let r = check(b, .sanity)
    #expect(r.verdict == .error)
    let marked = Checker.markVacuous([
        r, CheckResult(procedure: "P", rule: .invariant, verdict: .holds, message: "", depth: 1, location: here),
    ])
    #expect(marked[1].verdict == .error)
}

@Test func shortestCounterexampleIsDeterministic() {
    var b = Build.pausable()
    b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
    let a = check(b, .blastRadius)
    let c = check(b, .blastRadius)
    #expect(a.counterexample == c.counterexample)
    #expect(a.counterexample?.steps.count == 3, "two drains of at most 50 are needed to lose more than 60")
}

@Test func parallelRunMatchesSequential() async {
    var b = Build.pausable(threshold: 1)
    b.procedure.blastRadius = BlastRadius(loss: .variable("stolen"), max: 60, loc: here)
    let checker = Checker(program: b.program, options: CheckOptions(depth: 5))
    let one = await checker.run(checker.jobs, parallelism: 1)
    let many = await checker.run(checker.jobs, parallelism: 4)
    #expect(one.map(\.verdict) == many.map(\.verdict))
    #expect(one.map(\.counterexample) == many.map(\.counterexample))
}

@Test func escalationThroughARoleHeldAloneIsCaught() throws {
    var b = Build.pausable()
    // A alone may act as "pauser" (accepted as unilateral), but the pauser can also grant itself k2.
    let pauser = Role(name: "pauser", rule: .key("k1"), allowUnilateral: "pausing only", loc: here)
    b.model.roles.append(pauser)
    b.model.actions.append(
        Action(
            name: "addSigner", by: ["pauser"], effects: [Effect(.grant(key: "k2", entity: "A"), loc: here)], loc: here))
    let r = check(b, .noUnilateralControl)
    #expect(r.verdict == .violated, "\(r.message)")
    let cex = try #require(r.counterexample)
    #expect(cex.steps.count == 2)
    #expect(cex.steps.last?.transition?.kind == .coalition)
    #expect(cex.coalition == ["A"])
}

@Test func roleHeldAloneWithoutEscalationHolds() {
    var b = Build.pausable()
    let pauser = Role(name: "pauser", rule: .key("k1"), allowUnilateral: "pausing only", loc: here)
    b.model.roles.append(pauser)
    b.model.actions[0].by.append("pauser")
    #expect(check(b, .noUnilateralControl).verdict.passes)
}
