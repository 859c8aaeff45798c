import Foundation
import RecovIR
import Testing

private func decode(_ json: String) throws -> Program {
    try JSONDecoder().decode(Program.self, from: Data(json.utf8))
}

private struct DiagnosticsOnly: Decodable {
    struct D: Decodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }
    var version: Int
    var diagnostics: [D]
}

@Suite struct RecovDSLTests {
    @Test func modelDecodes() throws {
        let p = try decode(Sample.json())
        #expect(p.version == 1)
        #expect(p.models.map(\.name) == ["Pool"])
        #expect(p.incidents.map(\.name) == ["Hack"])
        #expect(p.procedures.map(\.name) == ["PauseOnHack"])
        let m = try #require(p.models.first)
        #expect(m.minCoalition == 3)
        #expect(m.state.map(\.name) == ["paused", "total", "stolen", "price", "collateral", "migrated"])
        #expect(m.state.map(\.type) == [.bool, .int, .int, .int, .map, .map])
        #expect(m.state[1].min == 0 && m.state[1].max == 1_000 && m.state[1].initial == .int(5))
        #expect(m.state[0].loc.line == Sample.flagLine)
        #expect(m.state[0].loc.file.hasSuffix("Sample.swift"))
        #expect(m.loc.line == Sample.modelLine)
        #expect(m.entities.map(\.name) == ["Alice \"A\"\n✓", "Bob"])
        #expect(m.keys.map(\.holder) == ["Alice \"A\"\n✓", "Bob"])
        #expect(m.delegations.map(\.entity) == ["Bob"])
        #expect(m.roles.map(\.name) == ["guardian", "owner", "gov", "admin", "both", "keeper"])
        #expect(m.roles.map(\.kind) == [.multisig, .key, .governance, .timelock, .allOf, .anyone])
        let guardian = m.roles[0]
        #expect(guardian.rule == .multisig(keys: ["g1", "g2"], threshold: 2))
        #expect(m.roles[1].allowUnilateral == "emergency only" && m.roles[1].rule == .key("g1"))
        guard case .governance(let gov) = m.roles[2].rule else {
            Issue.record("gov is \(m.roles[2].kind)")
            return
        }
        #expect(
            gov.powers == [VotingPower(entity: "Alice \"A\"\n✓", power: 70), VotingPower(entity: "Bob", power: 30)])
        #expect(gov.supermajority == RecovIR.Fraction(2, 3) && gov.quorum == RecovIR.Fraction(1, 10))
        #expect(gov.measuredAt == .execution)
        guard case .timelock(let admin) = m.roles[3].rule else {
            Issue.record("admin is \(m.roles[3].kind)")
            return
        }
        #expect(admin.role == "gov" && admin.minDelay == 172_800 && admin.maxDelay == nil && admin.grace == 1_209_600)
        #expect(admin.vetoBy == "guardian")
        #expect(m.roles[4].rule == .allOf(["guardian", "admin"]))
    }

    @Test func actionsAndExpressions() throws {
        let m = try #require(try decode(Sample.json()).models.first)
        #expect(m.actions.map(\.name) == ["pause", "withdraw", "liquidate", "migrate", "rotate", "a1", "a2"])
        let pause = m.actions[0]
        #expect(pause.by == ["guardian", "admin"] && !pause.user)
        #expect(pause.guardExpr == .apply(.not, [.variable("paused")]))
        #expect(
            pause.effects == [
                Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: pause.effects[0].loc)
            ])

        let withdraw = m.actions[1]
        #expect(withdraw.user && withdraw.by.isEmpty)
        #expect(
            withdraw.params.map(\.name) == ["amount"] && withdraw.params[0].min == 1 && withdraw.params[0].max == 10)
        let callerCollateral = Expr.select("collateral", .param("caller"))
        #expect(
            withdraw.guardExpr
                == .apply(
                    .and,
                    [
                        .apply(.not, [.variable("paused")]),
                        .apply(.ge, [callerCollateral, .param("amount")]),
                    ]))
        #expect(
            withdraw.effects[0].change
                == .assign(
                    target: "collateral", index: .param("caller"),
                    value: .apply(.sub, [callerCollateral, .param("amount")])))
        guard case .assign(_, _, let totalValue) = withdraw.effects[1].change else {
            Issue.record("not an assignment")
            return
        }
        #expect(totalValue == .apply(.max, [.apply(.sub, [.variable("total"), .param("amount")]), .int(0)]))

        let liq = m.actions[2]
        #expect(liq.params.map(\.type) == [.account])
        #expect(
            liq.allowedReduction
                == .apply(
                    .and,
                    [
                        .apply(.eq, [.account, .param("borrower")]),
                        .apply(.lt, [.select("collateral", .account), .int(3)]),
                    ]))
        let iteExpr = Expr.apply(.ite, [.variable("paused"), .variable("total"), .apply(.neg, [.variable("total")])])
        #expect(
            liq.guardExpr
                == .apply(
                    .or,
                    [
                        .apply(.lt, [.select("collateral", .param("borrower")), .int(3)]),
                        .apply(
                            .implies,
                            [
                                .variable("paused"),
                                .apply(.eq, [.apply(.mod, [iteExpr, .int(2)]), .int(0)]),
                            ]),
                    ]))

        let migrate = m.actions[3]
        #expect(migrate.effects.map(\.kind) == [.assignAll, .assignAll])
        #expect(
            migrate.effects[0].change
                == .assignAll(
                    target: "migrated",
                    value: .apply(.add, [.select("migrated", .account), .select("collateral", .account)])))
        #expect(migrate.writeSet == ["migrated", "collateral"])

        let rotate = m.actions[4]
        #expect(rotate.effects.map(\.kind) == [.rotateKey, .setThreshold, .grant, .revoke])
        #expect(rotate.effects[0].change == .rotateKey(key: "g1", entity: "Bob"))
        #expect(rotate.effects[1].change == .setThreshold(role: "guardian", value: .apply(.add, [.int(1), .int(1)])))
        #expect(m.actions[5].guardExpr == .apply(.ge, [.now, .apply(.mul, [.int(10), .int(2)])]))

        #expect(m.claim?.expr == .apply(.add, [.select("collateral", .account), .select("migrated", .account)]))
        #expect(m.assumptions.map(\.name) == ["nonneg"])
        #expect(
            m.invariants.first?.expr
                == .apply(
                    .and,
                    [
                        .apply(.le, [.variable("total"), .int(1_000)]),
                        .apply(.ne, [.apply(.min, [.variable("total"), .int(3)]), .int(4)]),
                    ]))
    }

    @Test func incidentAndProcedure() throws {
        let p = try decode(Sample.json())
        let i = try #require(p.incidents.first)
        #expect(i.model == "Pool" && i.compromised == ["Alice \"A\"\n✓"])
        #expect(i.attacks.map(\.name) == ["drain"] && i.attacks[0].live == .apply(.not, [.variable("paused")]))
        guard case .assign(_, _, let stolenValue) = i.attacks[0].effects[0].change else {
            Issue.record("not an assignment")
            return
        }
        #expect(stolenValue == .apply(.add, [.variable("stolen"), .param("amount")]))
        #expect(i.oracles.map(\.target) == ["price"] && i.oracles[0].min == 1 && i.oracles[0].max == 100)
        #expect(i.borrowable.map(\.role) == ["gov"] && i.borrowable[0].amount == 1_000)

        let proc = try #require(p.procedures.first)
        #expect(proc.model == "Pool" && proc.incident == "Hack")
        #expect(proc.trigger.expr == .apply(.gt, [.variable("stolen"), .int(0)]))
        #expect(proc.steps.map(\.name) == ["pause", "unpause"])
        let s0 = proc.steps[0]
        #expect(s0.role == "guardian" && s0.after == 0 && s0.within == 3_600 && s0.writes == ["paused"])
        #expect(s0.loc.line == Sample.stepLine)
        #expect(s0.bounds.map(\.kind) == [.maxDuration, .range, .maxChange])
        #expect(s0.bounds[0].limit == .maxDuration(expr: .variable("paused"), duration: 604_800))
        #expect(s0.bounds[1].limit == .range(target: "price", min: 1, max: 100))
        guard case .maxChange(_, let amount) = s0.bounds[2].limit else {
            Issue.record("not a max change")
            return
        }
        #expect(amount == 10)
        let s1 = proc.steps[1]
        #expect(s1.role == "admin" && s1.after == 172_800 && s1.within == 604_800 && s1.bounds.isEmpty)
        #expect(
            s1.args == [Step.Argument(name: "amount", value: .int(5)), Step.Argument(name: "flag", value: .bool(true))])
        #expect(proc.containment?.expr == .variable("paused") && proc.containmentBudget == 3_600)
        #expect(proc.blastRadius?.loss == .variable("stolen") && proc.blastRadius?.max == 10_000)
        #expect(proc.window == 691_200)
        #expect(proc.invariants.map(\.name) == ["ok"])
        let problems = Validator().diagnose(p).map(\.message)
        // The DSL writes names as given; the validator reports the step's unknown parameters.
        #expect(
            problems == [
                "step 'unpause': action 'pause' has no parameter 'amount'",
                "step 'unpause': action 'pause' has no parameter 'flag'",
            ])
    }

    @Test func dslErrorsBecomeDiagnostics() throws {
        let d = try JSONDecoder().decode(DiagnosticsOnly.self, from: Data(Sample.badJSON().utf8))
        #expect(d.version == 1)
        #expect(d.diagnostics.count == 2)
        #expect(d.diagnostics[0].message.contains("State(...) argument 2 is not a declared variable"))
        #expect(d.diagnostics[0].line == Sample.badLine)
        #expect(d.diagnostics[1].message.contains("Assign needs a state variable"))
        #expect(d.diagnostics[1].line == Sample.badLine + 1)
        #expect(d.diagnostics.allSatisfy { $0.file.hasSuffix("Sample.swift") })
    }

    @Test func duplicateNamesWithDifferentContent() throws {
        let d = try JSONDecoder().decode(DiagnosticsOnly.self, from: Data(Sample.duplicateJSON().utf8))
        #expect(d.diagnostics.count == 1)
        #expect(d.diagnostics[0].message.contains("model 'Pool' is declared twice"))
        #expect(d.diagnostics[0].line == Sample.dupLine)
    }
}

@Test func arraysOfDeclarationsAreCollected() throws {
    let p = try decode(Sample.arrayJSON())
    #expect(p.models.map(\.name) == ["Pool"])
    #expect(p.incidents.map(\.name) == ["Hack"])
    #expect(p.procedures.map(\.name) == ["PauseOnHack"])
}

@Test func jsonEscapingRoundTrips() throws {
    let p = try decode(Sample.json())
    #expect(p.models[0].entities[0].name == "Alice \"A\"\n✓")
    let w = try decode(Sample.weirdJSON())
    #expect(w.models.map(\.name) == [Sample.weirdName])
    #expect(w.models[0].entities.map(\.name) == [Sample.weirdName])
}
