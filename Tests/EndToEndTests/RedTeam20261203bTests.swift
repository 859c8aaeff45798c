import Foundation
import RecovTestSupport
import Testing

// Red-team fixtures of 2026-12-03, third round (Tests/Fixtures/redteam-2026-12-03b): roles on
// `anyone` nested in allOf and timelocks, a timelock over an allOf over a timelock with graces,
// repeated declarations, procedures in unusual Swift forms and a helper called twice, `--rule` on a
// vacuous spec, arithmetic near the literal limit, budgets and claims over state nothing writes (in
// this incident or any), replay against a fixed design, determinism and a shared subexpression
// that expands exponentially. Each spec's verdict was worked out by hand first (the comment at its
// top). Where recovcheck disagrees, the hand-worked expectation is kept as a known issue.

private let round3 = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/redteam-2026-12-03b")
    .path

/// Runs recovcheck on one fixture folder `<case>/specs` (its own models), with `extra` arguments.
private func runRound3(_ folder: String, _ extra: [String] = []) async throws -> RunOutput {
    try await FixtureVerdicts.runSpecs("\(round3)/\(folder)/specs", ["--quiet"] + extra)
}

/// The verdict per `procedure/rule` of a text report.
private func verdictsOf(_ stdout: String) -> [String: String] { FixtureVerdicts.parse(stdout, perProcedure: true) }

private func passes(_ verdict: String?) -> Bool { FixtureVerdicts.passes(verdict) }

@Suite(.serialized) struct RedTeam20261203bTests {
    /// timelock(allOf([timelock(anyone, 1h), anyone]), 1d) with nothing compromised: the attacker
    /// sweeps through it and zero entities satisfy it; a step through it waits 1d 1h; with a 2-of-2
    /// guardian also required, nobody alone can.
    @Test func anyoneNestedInAllOfAndTimelocks() async throws {
        let run = try await runRound3("anyone-nest")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["ANOpen/blast-radius"] == "VIOLATED" && v["ANOpen/no-unilateral-control"] == "VIOLATED", "\(v)")
        #expect(passes(v["ANOpen/bounded-intervention"]) && passes(v["ANOpen/containment-time"]), "\(v)")
        #expect(run.stdout.contains("the attacker calling sweep() as anOuter"))
        #expect(v["ANDelay/containment-time"] == "VIOLATED" && passes(v["ANDelay/bounded-intervention"]), "\(v)")
        #expect(v["ANDelay/no-unilateral-control"] == "VIOLATED", "\(v)")
        #expect(
            run.stdout.contains("not contained (anPaused) 1d 1h after the trigger, over the budget of 1d 59m 59s by 1s")
        )
        for rule in ["blast-radius", "no-unilateral-control", "bounded-intervention", "containment-time", "sanity"] {
            #expect(passes(v["ANGuarded/\(rule)"]), "ANGuarded/\(rule): \(v)")
        }
        // Was a finding: the worst case was reported at the budget, below the counterexample's own
        // 1d 1h. The search now starts from what the counterexample reaches.
        #expect(!run.stdout.contains("worst case found: uncontained for at least 1d 59m 59s"), "\(run.stdout)")
        #expect(run.stdout.contains("worst case found: uncontained for 1d 1h after the trigger"), "\(run.stdout)")
    }

    /// timelock(allOf([timelock(guardian, 1d, grace: 1h), guardian]), 1d, grace: 2d): 2d delay,
    /// only the outer grace counts (expiry 4d); an outer timelock without grace never expires.
    @Test func timelockOverAllOfOverTimelockWithGraces() async throws {
        let run = try await runRound3("nest-grace")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["NGMid", "NGExact", "NGEarly", "NGNoOuter"] {
            #expect(passes(v["\(procedure)/bounded-intervention"]), "\(procedure): \(v)")
        }
        #expect(passes(v["NGExact/containment-time"]) && passes(v["NGNoOuter/containment-time"]), "\(v)")
        #expect(v["NGMid/containment-time"] == "VIOLATED" && v["NGEarly/containment-time"] == "VIOLATED", "\(v)")
        #expect(v["NGLate/bounded-intervention"] == "VIOLATED" && v["NGLate/containment-time"] == "VIOLATED", "\(v)")
        #expect(run.stdout.contains("when its queued operation expires: 2d of grace after its earliest time, 2d"))
        #expect(
            run.stdout.contains(
                "not contained (ngPaused) 2d after the trigger, over the budget of 1d 23h 59m 59s by 1s"))
        #expect(v["NGLate/sanity"] == "holds", "\(v)")
    }

    /// The blocked step's saved counterexamples replay as still violated, and as fixed against a
    /// 3-day outer grace (the step runs at 4d + 1s); NGMid's late containment does not depend on it.
    @Test func blockedStepReplaysAsFixedAgainstALongerGrace() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("round3-ng-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let saved = tmp.appendingPathComponent("cex").path
        let run = try await runRound3("nest-grace", ["--save-counterexamples", saved])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let files = ["NGLate.bounded-intervention", "NGLate.containment-time", "NGMid.containment-time"].map {
            saved + "/\($0).cex.json"
        }
        let replay = try await runRecovcheck(["replay"] + files)
        #expect(replay.status == 1, "\(replay.stdout)\(replay.stderr)")
        #expect(!replay.stdout.contains("no longer reproduces"), "\(replay.stdout)")
        let specs = "\(round3)/nest-grace/specs"
        let fixed = tmp.appendingPathComponent("fixed/specs")
        try FileManager.default.createDirectory(at: fixed, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: specs + "/NestGrace.swift", encoding: .utf8)
        let edited = source.replacingOccurrences(
            of: "role: ngMid, minDelay: 1 * day, grace: 2 * days",
            with: "role: ngMid, minDelay: 1 * day, grace: 3 * days")
        #expect(edited != source)
        try edited.write(to: fixed.appendingPathComponent("NestGrace.swift"), atomically: true, encoding: .utf8)
        let against = try await runRecovcheck(["replay"] + files + ["--against", fixed.path, "--models", fixed.path])
        #expect(against.status == 1, "\(against.stdout)\(against.stderr)")
        #expect(
            against.stdout.contains(
                "(NGLate, bounded-intervention): no longer reproduces: fixed (the trace replays but no longer violates"),
            "\(against.stdout)")
        #expect(against.stdout.contains("(NGLate, containment-time): no longer reproduces: fixed"), "\(against.stdout)")
        #expect(against.stdout.contains("(NGMid, containment-time): still violated"), "\(against.stdout)")
    }

    /// `maxDelay:` is rejected at the timelock's line, a second BlastRadius and a second Window at
    /// theirs, two Assigns to one variable at the second.
    @Test func repeatedAndUselessDeclarationsAreErrors() async throws {
        let maxDelay = try await runRound3("maxdelay")
        expectInputError(maxDelay, mentions: "MaxDelay.swift:8:", "maxDelay")
        #expect(maxDelay.stderr.contains("maxDelay has no effect"))
        let two = try await runRound3("two-blast")
        expectInputError(two, mentions: "TwoBlast.swift:27:", "second BlastRadius")
        #expect(two.stderr.contains("more than one BlastRadius") && two.stderr.contains("TwoBlast.swift:29:"))
        #expect(two.stderr.contains("more than one Window"))
        let assign = try await runRound3("double-assign")
        expectInputError(assign, mentions: "DoubleAssign.swift:22:", "double Assign")
        #expect(assign.stderr.contains("'daStolen' is assigned twice"))
    }

    /// A helper building a procedure of a fixed name, called twice: an error (exit 2).
    @Test func helperCalledTwiceGivesADuplicateName() async throws {
        let run = try await runRound3("same-name")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("procedure 'SNPause' is declared twice"), "\(run.stderr)")
        // Was a finding: both were located at the first call (29:5, "first at line 29:5"); a
        // procedure's declaration is now looked up by its creation, so the second is at line 30.
        #expect(run.stderr.contains("SameName.swift:30:5: error:"), "\(run.stderr)")
        #expect(run.stderr.contains("(first at line 29:5)"), "\(run.stderr)")
    }

    /// Ten procedures in unusual Swift forms (tuple destructuring, #if, an extension's static let, a
    /// dictionary, an instance property, a closure called twice, an array of optionals, reduce):
    /// each is checked.
    @Test func procedureFormsAreAllChecked() async throws {
        let run = try await runRound3("forms-b")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let names = [
            "FBTupleA", "FBTupleB", "FBIf", "FBExtension", "FBDict", "FBInstance", "FBClosureA", "FBClosureB",
            "FBOptArr", "FBReduce",
        ]
        for name in names {
            #expect(v["\(name)/bounded-intervention"] == "VIOLATED", "\(name): \(v)")
            #expect(v["\(name)/containment-time"] == "VIOLATED", "\(name): \(v)")
        }
        #expect(run.stdout.contains("10 procedure(s)"))
    }

    /// An attack that can never fire: sanity is an error with and without `--rule`; a rule no
    /// procedure declares checks nothing (exit 2).
    @Test func ruleSelectionsOnAVacuousSpec() async throws {
        let plain = try await runRound3("rule-vacuous")
        var v = verdictsOf(plain.stdout)
        #expect(plain.status == 2, "\(plain.stdout)\(plain.stderr)")
        #expect(v["RVNever/sanity"] == "ERROR" && v["RVNever/blast-radius"] == "ERROR", "\(v)")
        #expect(plain.stderr.contains("RuleVacuous.swift:25:"), "\(plain.stderr)")
        for rule in ["blast-radius", "no-unilateral-control"] {
            let run = try await runRound3("rule-vacuous", ["--rule", rule])
            v = verdictsOf(run.stdout)
            #expect(run.status == 2, "--rule \(rule): \(run.stdout)\(run.stderr)")
            #expect(v["RVNever/sanity"] == "ERROR" && v["RVNever/\(rule)"] == "ERROR", "--rule \(rule): \(v)")
        }
        let none = try await runRound3("rule-vacuous", ["--rule", "containment-time"])
        #expect(none.status == 2, "\(none.stdout)\(none.stderr)")
        #expect(none.stderr.contains("no procedure declares what this rule checks"), "\(none.stderr)")
    }

    /// Squares and cubes near 10^15: the smallest counterexamples (31622777, -2), a true 10^45 bound
    /// proved without an overflow error, a loss whose counterexample fits 64 bits.
    @Test func arithmeticNearTheLiteralLimit() async throws {
        let run = try await runRound3("overflow-near")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["OLSquare/invariant"] == "VIOLATED" && v["OLCube/invariant"] == "VIOLATED", "\(v)")
        #expect(passes(v["OLHuge/invariant"]) && v["OLLoss/blast-radius"] == "VIOLATED", "\(v)")
        #expect(run.stdout.contains("olX = 31622777") && run.stdout.contains("olX = -2"))
        #expect(run.stdout.contains("attack olSet(v: 31622777)"))
        #expect(!run.stdout.contains("ERROR") && !run.stderr.contains("overflow"), "\(run.stdout)\(run.stderr)")
        // Was a finding: the worst case of OLLoss (10^30, olY = 10^15) was called "unbounded" and its
        // JSON worstCase was the budget, below the counterexample's own loss. Now at least that loss,
        // and the search says where it stops.
        #expect(!run.stdout.contains("worst case found: unbounded within depth 10"), "\(run.stdout)")
        #expect(
            run.stdout.contains("lost (the search stops past the largest constant in the spec)"), "\(run.stdout)")
        // Was a finding (wording): an invariant false in the initial state was described as "the
        // holder table itself"; that note is now kept for no-unilateral-control.
        #expect(!run.stdout.contains("(the holder table itself)"), "\(run.stdout)")
    }

    /// A budget and a claim over state nothing writes: an error and n/a.
    @Test func budgetAndClaimOverUnwrittenState() async throws {
        let run = try await runRound3("unwritten-err")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(v["UWVac/blast-radius"] == "ERROR" && v["UWVac/no-collateral-loss"] == "n/a", "\(v)")
        #expect(run.stderr.contains("UnwrittenErr.swift:31:16: error: UWVac: blast-radius"), "\(run.stderr)")
    }

    /// State written only by another incident's attack is unwritten in this procedure's world.
    @Test func stateWrittenOnlyInAnotherIncident() async throws {
        let run = try await runRound3("unwritten-other")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(v["UOUnderWrites/blast-radius"] == "VIOLATED", "\(v)")
        #expect(v["UOUnderWrites/no-collateral-loss"] == "VIOLATED", "\(v)")
        #expect(v["UOUnderQuiet/blast-radius"] == "ERROR" && v["UOUnderQuiet/no-collateral-loss"] == "n/a", "\(v)")
    }

    /// Budgets and a claim over state only an oracle or a step writes are checked (violated); the
    /// saved counterexamples replay as still violated, and as fixed against a pinned oracle; two
    /// JSON runs are byte-identical.
    @Test func oracleAndStepWrittenStateReplayAndDeterminism() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("round3-ok-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let saved = tmp.appendingPathComponent("cex").path
        let run = try await runRound3("unwritten-ok", ["--save-counterexamples", saved])
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for key in ["OKOracle/no-collateral-loss", "OKOracle/blast-radius", "OKStep/blast-radius"] {
            #expect(v[key] == "VIOLATED", "\(key): \(v)")
        }
        #expect(passes(v["OKStep/bounded-intervention"]), "\(v)")
        #expect(run.stdout.contains("claim of account #0 fell from 2 to 1 through oracle moving okPrice to 1"))

        let oracleFile = saved + "/OKOracle.no-collateral-loss.cex.json"
        let replay = try await runRecovcheck(["replay", oracleFile])
        #expect(replay.status == 1 && replay.stdout.contains("still violated"), "\(replay.stdout)\(replay.stderr)")
        let specs = "\(round3)/unwritten-ok/specs"
        let fixed = tmp.appendingPathComponent("fixed/specs")
        try FileManager.default.createDirectory(at: fixed, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: specs + "/UnwrittenOk.swift", encoding: .utf8)
        let edited = source.replacingOccurrences(of: "Oracle(okPrice, 1...10)", with: "Oracle(okPrice, 10...10)")
        #expect(edited != source)
        try edited.write(to: fixed.appendingPathComponent("UnwrittenOk.swift"), atomically: true, encoding: .utf8)
        let against = try await runRecovcheck([
            "replay", oracleFile, saved + "/OKStep.blast-radius.cex.json", "--against", fixed.path, "--models",
            fixed.path,
        ])
        #expect(against.status == 1, "\(against.stdout)\(against.stderr)")
        #expect(
            against.stdout.contains(
                "fixed (transition 1 (oracle moving okPrice to 1) is no longer allowed: oracle value 1 outside 10...10)"
            ),
            "\(against.stdout)")
        #expect(against.stdout.contains("(OKStep, blast-radius): still violated"), "\(against.stdout)")

        let first = try await runRound3("unwritten-ok", ["--format", "json"])
        let second = try await runRound3("unwritten-ok", ["--format", "json"])
        #expect(first.status == 1 && second.status == 1)
        #expect(first.stdoutData == second.stdoutData, "JSON differs between two runs")
    }

    /// An attack that needs 11 transitions: at --depth 10 never a pass (sanity ERROR, exit 2); at
    /// --depth 11 it fires and blast-radius is violated (exit 1).
    @Test func attackNeedingMoreTransitionsThanTheDepth() async throws {
        let shallow = try await runRound3("attack-depth")
        var v = verdictsOf(shallow.stdout)
        #expect(shallow.status == 2, "\(shallow.stdout)\(shallow.stderr)")
        #expect(v["ADLate/sanity"] == "ERROR" && !passes(v["ADLate/blast-radius"]), "\(v)")
        #expect(shallow.stderr.contains("AttackDepth.swift:26:"), "\(shallow.stderr)")
        // Was a finding (message): the sanity error said the attack's guard "is never met in a
        // reachable state" without suggesting --depth, beside an 11-transition trace where it fires.
        let sanity = shallow.stdout.split(separator: "\n").first { $0.contains("ERROR     sanity") } ?? ""
        #expect(sanity.contains("within 10 transitions (if the attack needs more, raise --depth)"), "\(sanity)")
        let deeper = try await runRound3("attack-depth", ["--depth", "11"])
        v = verdictsOf(deeper.stdout)
        #expect(deeper.status == 1, "\(deeper.stdout)\(deeper.stderr)")
        #expect(v["ADLate/sanity"] == "holds" && v["ADLate/blast-radius"] == "VIOLATED", "\(v)")
    }

    /// 100,000 `&&` nested on the right and 20,000 nested `ite`s: a clear limit error at the
    /// declaration, no signal.
    @Test func deepRightNestedExpressionsAreALimitError() async throws {
        let run = try await runRound3("deep-right")
        expectInputError(run, mentions: "DeepRight.swift:3", "deep expressions")
        #expect(run.stderr.contains("nested more than"), "\(run.stderr)")
    }

    /// A step's fixed argument outside its parameter's range is an input error at the step.
    @Test func stepArgumentOutsideItsRangeIsAnError() async throws {
        let run = try await runRound3("step-args")
        expectInputError(run, mentions: "StepArgs.swift:29:", "step argument out of range")
        #expect(run.stderr.contains("argument 'x' = 150 is outside the range 1...100"), "\(run.stderr)")
    }

    /// A step that takes a variable (a fixed argument) and a map entry (two account parameters) out
    /// of their declared ranges: invariant violated at the step, with the values.
    @Test func stepsLeavingDeclaredRanges() async throws {
        let run = try await runRound3("step-range")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["SRRefill/invariant"] == "VIOLATED" && v["SRCredit/invariant"] == "VIOLATED", "\(v)")
        #expect(passes(v["SRRefill/bounded-intervention"]) && passes(v["SRCredit/bounded-intervention"]), "\(v)")
        #expect(v["SRRefill/sanity"] == "holds" && v["SRCredit/sanity"] == "holds", "\(v)")
        #expect(run.stdout.contains("'srCash' = 1050 left its declared range 0...1000 after 1 transition(s)"))
        #expect(run.stdout.contains("' = 13 left its declared range 0...10 after 1 transition(s)"))
    }

    /// Two MaxChange and two InRange on one target in one step: both apply.
    @Test func repeatedStepBoundsAllApply() async throws {
        let run = try await runRound3("two-bounds")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            v["TBMaxChange/bounded-intervention"] == "VIOLATED" && v["TBInRange/bounded-intervention"] == "VIOLATED")
        #expect(run.stdout.contains("changed 'tbCash' by -50 (920 → 870), beyond its declared maximum change of 10"))
        #expect(run.stdout.contains("set 'tbCash' to 870, below its declared minimum 900"))
    }

    /// A step no account can run (all start at 5, it needs 0): blocked at 1h, and the leak after the
    /// deadline breaks a fixed 3-hour budget; the runnable variant holds.
    @Test func blockedForEveryAccountWhileAWindowedLossGrows() async throws {
        let run = try await runRound3("blocked-window")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for rule in ["bounded-intervention", "containment-time", "blast-radius"] {
            #expect(v["BWBlocked/\(rule)"] == "VIOLATED", "BWBlocked/\(rule): \(v)")
            #expect(passes(v["BWInTime/\(rule)"]), "BWInTime/\(rule): \(v)")
        }
        #expect(v["BWBlocked/no-collateral-loss"] == "n/a" && v["BWBlocked/sanity"] == "holds", "\(v)")
        #expect(
            run.stdout.contains(
                "value lost (bwLeaks) grew from 0 to 2 within fixed window 1 of 3h (from 0s to 3h after the trigger)"))
    }

    /// Was a wrong pass (nondeterministic): a procedure built in a `Task` through a helper that
    /// also builds one synchronously was usually emitted before the task ran and silently not
    /// checked (exit 0, only TKGood). Now a spec that starts concurrent work is rejected at the
    /// `Task`, before it is compiled: exit 2 on every run, nothing reported as checked.
    @Test func procedureBuiltInATaskIsRejected() async throws {
        let run = try await runRound3("task-form")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains(
                "TaskForm.swift:37:15: error: 'Task' starts concurrent work, which a spec program cannot do"),
            "\(run.stderr)")
        #expect(!run.stdout.contains("TKGood"), "\(run.stdout)")
    }

    /// Was nondeterministic: a `Procedure(` call directly in a `Task` was checked in some runs
    /// (exit 1) and reported as never created in others (exit 2). Now the same rejection every run.
    @Test func procedureDirectlyInATaskGivesTheSameOutcomeEveryRun() async throws {
        var outcomes: [String] = []
        for _ in 0..<3 {
            let run = try await runRound3("task-direct")
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
            outcomes.append("\(run.status) \(run.stdout) \(run.stderr)")
        }
        #expect(Set(outcomes).count == 1, "\(outcomes)")
        #expect(outcomes[0].contains("TaskDirect.swift:22:14: error: 'Task' starts concurrent work"), "\(outcomes[0])")
    }

    /// A 40-level DAG whose tree has 3^40 leaves: stopped at the spec program's time limit with an
    /// error at the spec (exit 2), never a signal.
    @Test func exponentiallySharedExpressionStopsCleanly() async throws {
        let run = try await runRound3("deep-share")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("DeepShare.swift:") && run.stderr.contains("error:"), "\(run.stderr)")
    }
}
