import Foundation
import RecovTestSupport
import Testing

// Red-team fixtures of 2026-12-03, second round (Tests/Fixtures/redteam-2026-12-03): combinations
// the first round did not cover (rotation mid-procedure, grace expiry with a growing loss, maps
// with initial values and several account parameters, borrowed power through nested roles,
// boundary ticks, overflow in a claim and a loss, failures past --depth, a threshold lowered by
// anyone, a shutdown module fed by anyone). Each spec's verdict was worked out by hand first (the
// comment at its top); every one agreed with recovcheck when written. These tests keep it so.

private let round2 = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/redteam-2026-12-03")
    .path

/// Runs recovcheck on one fixture folder `<case>/specs` (its own models), with `extra` arguments.
private func runRound2(_ folder: String, _ extra: [String] = []) async throws -> RunOutput {
    try await FixtureVerdicts.runSpecs("\(round2)/\(folder)/specs", ["--quiet"] + extra)
}

/// The verdict per `procedure/rule` of a text report.
private func verdictsOf(_ stdout: String) -> [String: String] { FixtureVerdicts.parse(stdout, perProcedure: true) }

private func passes(_ verdict: String?) -> Bool { FixtureVerdicts.passes(verdict) }

@Suite(.serialized) struct RedTeam20261203Tests {
    /// A step hands a key to the attacker: it drains after the handover, and the next step, which
    /// needs that key, is blocked. Handing it to an honest entity instead fixes both, and the saved
    /// counterexample replays as fixed against that edit.
    @Test func rotationMidProcedure() async throws {
        let run = try await runRound2("rotation")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["ROHandover/blast-radius"] == "VIOLATED" && v["ROHandover/bounded-intervention"] == "VIOLATED")
        #expect(v["ROHandover/sanity"] == "holds" && passes(v["ROHandover/no-unilateral-control"]), "\(v)")
        #expect(run.stdout.contains("key ro-k1: held by RO A → RO C, step 'handover' done"))
        #expect(run.stdout.contains("the attacker calling drain() as roHolder  RO C: ro-k1"))
        #expect(run.stdout.contains("value lost (roStolen) grew from 0 to 80"))
        for rule in ["blast-radius", "bounded-intervention", "sanity", "no-unilateral-control"] {
            #expect(passes(v["ROSafe/\(rule)"]), "ROSafe/\(rule): \(v)")
        }

        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("round2-rot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let specs = "\(round2)/rotation/specs"
        let saved = tmp.appendingPathComponent("cex").path
        let again = try await runRecovcheck([
            "--no-cache", "--no-ir-cache", "--quiet", specs, "--models", specs, "--save-counterexamples", saved,
        ])
        #expect(again.status == 1)
        let file = saved + "/ROHandover.blast-radius.cex.json"
        let replay = try await runRecovcheck(["replay", file])
        #expect(replay.status == 1 && replay.stdout.contains("still violated"), "\(replay.stdout)\(replay.stderr)")
        // The fix: the handover step gives the key to the honest RO D.
        let fixed = tmp.appendingPathComponent("fixed/specs")
        try FileManager.default.createDirectory(at: fixed, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: specs + "/Rotation.swift", encoding: .utf8)
        let edited = source.replacingOccurrences(
            of: "Step(\"handover\", action: \"toC\"", with: "Step(\"handover\", action: \"toD\"")
        #expect(edited != source)
        try edited.write(to: fixed.appendingPathComponent("Rotation.swift"), atomically: true, encoding: .utf8)
        let against = try await runRecovcheck(["replay", file, "--against", fixed.path, "--models", fixed.path])
        #expect(against.status == 0, "\(against.stdout)\(against.stderr)")
        #expect(
            against.stdout.contains(
                "fixed (transition 2 (the attacker calling drain() as roHolder) is no longer allowed"),
            "\(against.stdout)")
    }

    /// A timelock's queued pause expires before its guard can hold: blocked, and the daily leak
    /// goes on past the block (5 > 4); with a longer grace the pause runs and exactly 4 are lost.
    @Test func graceExpiryWhileTheLossGrows() async throws {
        let run = try await runRound2("grace-blocked")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for rule in ["bounded-intervention", "containment-time", "blast-radius"] {
            #expect(v["GBExpired/\(rule)"] == "VIOLATED", "GBExpired/\(rule): \(v)")
            #expect(passes(v["GBInTime/\(rule)"]), "GBInTime/\(rule): \(v)")
        }
        #expect(run.stdout.contains("when its queued operation expires: 1d of grace after its earliest time, 1d"))
        #expect(run.stdout.contains("value lost (gbLeaks) grew from 0 to 5: 5 lost, over the budget of 4 by 1"))
        #expect(!run.stdout.contains("exactly 5 lost"))
    }

    /// Two maps with `initial:` and steps with two and three account parameters: the untouched
    /// accounts start at the initial values, so `mpA[a] + mpB[b] == 7` always runs and
    /// `mpA[a] == mpB[b]` or three pairwise different entries block.
    @Test func mapsWithInitialValuesAndSeveralAccounts() async throws {
        let run = try await runRound2("map-params")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(passes(v["MPMatch/bounded-intervention"]) && passes(v["MPMatch/containment-time"]), "\(v)")
        for procedure in ["MPCross", "MPThree"] {
            #expect(v["\(procedure)/bounded-intervention"] == "VIOLATED", "\(procedure): \(v)")
            #expect(v["\(procedure)/containment-time"] == "VIOLATED", "\(procedure): \(v)")
        }
        for procedure in ["MPMatch", "MPCross", "MPThree"] {
            #expect(passes(v["\(procedure)/no-collateral-loss"]) && v["\(procedure)/sanity"] == "holds", "\(v)")
        }
        #expect(run.stdout.contains("mpA[#0] = 3") && run.stdout.contains("mpB[#0] = 4"))
    }

    /// Borrowed power through allOf([timelock(governance at execution), anyone]) with nothing
    /// compromised: 100 borrowed against 100 held reaches half of 200; 99 does not.
    @Test func borrowedPowerThroughNestedRoles() async throws {
        let run = try await runRound2("borrowed")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["BWHundred/blast-radius"] == "VIOLATED" && v["BWHundred/no-unilateral-control"] == "VIOLATED")
        #expect(run.stdout.contains("the attacker calling drain() as bwOuter  attacker: 100 borrowed votes"))
        #expect(passes(v["BWNinetyNine/blast-radius"]) && passes(v["BWNinetyNine/no-unilateral-control"]), "\(v)")
    }

    /// A step may run exactly at its deadline; `after:` and a role's delay do not add up; deadlines
    /// are relative to the previous step. One second less is a violation.
    @Test func containmentAtTheBoundaryTick() async throws {
        let run = try await runRound2("boundary")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["BTExact", "BTMax", "BTTwo"] {
            #expect(passes(v["\(procedure)/containment-time"]), "\(procedure): \(v)")
        }
        #expect(v["BTShort/containment-time"] == "VIOLATED" && v["BTTwoShort/containment-time"] == "VIOLATED")
        #expect(run.stdout.contains("not contained (btPaused) 1h after the trigger, over the budget of 59m 59s by 1s"))
        #expect(run.stdout.contains("not contained (btPaused) 30m after the trigger, over the budget of 29m 59s by 1s"))
        for procedure in ["BTExact", "BTShort", "BTMax", "BTTwo", "BTTwoShort"] {
            #expect(passes(v["\(procedure)/bounded-intervention"]), "\(procedure): \(v)")
        }
    }

    /// A claim and a loss whose values pass 64 bits: errors naming the expression, with and without
    /// `--rule`; never a crash, never a pass.
    @Test func overflowInClaimAndLoss() async throws {
        let run = try await runRound2("overflow2")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(v["OFClaim/no-collateral-loss"] == "ERROR" && v["OFLoss/no-collateral-loss"] == "ERROR")
        #expect(v["OFLoss/blast-radius"] == "ERROR")
        #expect(
            run.stderr.contains(
                "Overflow2.swift:23:11: error: OFClaim: no-collateral-loss: integer overflow in ((ofBal[a] * 1000000000000000) * 1000000000000000)"
            ), "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "Overflow2.swift:39:16: error: OFLoss: blast-radius: integer overflow in (ofBig * 1000000000000000)"),
            "\(run.stderr)")
        let selected = try await runRound2("overflow2", ["--rule", "blast-radius"])
        #expect(selected.status == 2 && verdictsOf(selected.stdout)["OFLoss/blast-radius"] == "ERROR")
    }

    /// Properties failing only after 15 or 16 transitions are never `PROVED`: they are found past
    /// --depth 10; the true `dpX >= dpY` is proved. `--rule invariant` gives the same invariants.
    @Test(arguments: [[String](), ["--rule", "invariant"]])
    func failuresPastTheDepthAreNeverProved(_ extra: [String]) async throws {
        let run = try await runRound2("deep-proof", extra)
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(extra): \(run.stdout)\(run.stderr)")
        #expect(v["DPCount/invariant"] == "VIOLATED" && v["DPJump/invariant"] == "VIOLATED", "\(v)")
        #expect(passes(v["DPPair/invariant"]), "\(v)")
        #expect(run.stdout.contains("invariant 'below15' ((dpN < 15)) is false after 15 transition(s) (at depth 15"))
        #expect(run.stdout.contains("dpX: 14 → 16, dpY: 14 → 15"))
        if extra.isEmpty {
            for procedure in ["DPCount", "DPJump", "DPPair"] {
                #expect(v["\(procedure)/no-collateral-loss"] == "VIOLATED", "\(procedure): \(v)")
            }
            #expect(run.stdout.contains("counterexample (16 transitions)"))
        } else {
            #expect(v["DPCount/no-collateral-loss"] == nil && v["DPCount/sanity"] == "holds", "\(v)")
        }
    }

    /// A threshold lowered by anyone: at 0 the attacker (no key) drains, at 1 one entity signs.
    /// Counting down from 17 the same needs 17 and 19 transitions: not proved at --depth 10,
    /// violated at --depth 20.
    @Test func thresholdLoweredByAnyone() async throws {
        let run = try await runRound2("threshold")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["THZero/no-unilateral-control"] == "VIOLATED" && v["THZero/blast-radius"] == "VIOLATED")
        #expect(run.stdout.contains("threshold thGuardian: 2 → 0"))
        #expect(run.stdout.contains("the attacker calling drain() as thGuardian"))
        for rule in ["no-unilateral-control", "blast-radius"] {
            let verdict = v["THDeep/\(rule)"]
            #expect(verdict == "holds" || verdict == "VIOLATED", "THDeep/\(rule) at depth 10: \(v)")
        }
        let deep = try await runRound2("threshold", ["--depth", "20"])
        let d = verdictsOf(deep.stdout)
        #expect(d["THDeep/no-unilateral-control"] == "VIOLATED" && d["THDeep/blast-radius"] == "VIOLATED", "\(d)")
        #expect(deep.stdout.contains("counterexample (17 transitions)"))
        #expect(deep.stdout.contains("counterexample (19 transitions)"))
    }

    /// A shutdown module whose deposits anyone raises: one entity, then the attacker holding
    /// nothing, reach its threshold. Without the deposit action nobody alone does.
    @Test func shutdownModuleFedByAnyone() async throws {
        let run = try await runRound2("shutdown")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["SDOpen/no-unilateral-control"] == "VIOLATED" && v["SDOpen/blast-radius"] == "VIOLATED")
        #expect(run.stdout.contains("deposited 10 ('sdDeposited') + holdings 20 (SD A 20) against a threshold of 30"))
        #expect(run.stdout.contains("the attacker calling esmDrain() as sdEsm"))
        #expect(passes(v["SDClosed/no-unilateral-control"]) && passes(v["SDClosed/blast-radius"]), "\(v)")
    }

    /// MaxDuration and Window at their boundary: exactly on time holds, one second more is violated.
    @Test func maxDurationAndWindowAtTheBoundary() async throws {
        let run = try await runRound2("md")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(passes(v["MDExact/bounded-intervention"]) && passes(v["MDUnder/bounded-intervention"]), "\(v)")
        #expect(v["MDOver/bounded-intervention"] == "VIOLATED" && v["MDWindowShort/bounded-intervention"] == "VIOLATED")
        #expect(run.stdout.contains("mdPaused still holds 8h 1s after step 'pause', beyond its declared maximum of 8h"))
        #expect(run.stdout.contains("beyond its window of 7h 59m 59s"))
    }

    /// An insider given a key's power by a procedure step (an allowlist Grant) uses it alone.
    @Test func insiderGrantedAKeyMidProcedure() async throws {
        let run = try await runRound2("ins")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["INGrant/blast-radius"] == "VIOLATED" && passes(v["INGrant/no-unilateral-control"]), "\(v)")
        #expect(run.stdout.contains("insider IN A calling rescue() as inRescue  IN A: in-k9 via allowlist"))
        #expect(passes(v["INNoGrant/blast-radius"]), "\(v)")
    }

    /// A trigger that needs `now >= 10^30`: every counterexample is an overflow error, never a pass.
    @Test func triggerBeyondSixtyFourBits() async throws {
        let run = try await runRound2("bigtime")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        for rule in ["no-collateral-loss", "containment-time", "blast-radius", "invariant"] {
            #expect(v["BTZPause/\(rule)"] == "ERROR", "\(rule): \(v)")
        }
        #expect(run.stderr.contains("BigTime.swift:33:16: error: BTZPause: blast-radius: integer overflow"))
        #expect(run.stderr.contains("value of now@0 is not a 64-bit integer"))
    }

    /// A step with two account parameters takes an entry out of its declared range.
    @Test func stepLeavesAMapRange() async throws {
        let run = try await runRound2("rng")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1 && v["RGMerge/invariant"] == "VIOLATED", "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("'rgBal[#0]' = 12 left its declared range 0...10 after 1 transition(s)"))
        #expect(passes(v["RGMerge/no-collateral-loss"]), "\(v)")
    }

    /// Authority changed by attacks (threshold, rotation, allowlist) while no action writes it.
    @Test func authorityChangedByAttacks() async throws {
        let run = try await runRound2("atk")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["AKThreshold", "AKRotate", "AKGrant"] {
            #expect(v["\(procedure)/blast-radius"] == "VIOLATED", "\(procedure): \(v)")
            #expect(v["\(procedure)/no-unilateral-control"] == "VIOLATED", "\(procedure): \(v)")
        }
    }

    /// Per-day budgets at the window edge (a second leak 1d or 1d - 1s after the first, rolling and
    /// fixed), and a claim that time passing lowers.
    @Test func perDayBudgetsAtTheEdgeAndTimeDependentClaims() async throws {
        let run = try await runRound2("win")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(passes(v["WNRollDay/blast-radius"]) && passes(v["WNFixedDay/blast-radius"]), "\(v)")
        #expect(v["WNRollEarly/blast-radius"] == "VIOLATED" && v["WNFixedEarly/blast-radius"] == "VIOLATED", "\(v)")
        #expect(v["WNClaim/no-collateral-loss"] == "VIOLATED", "\(v)")
        #expect(run.stdout.contains("claim of account #0 fell from 1 to 0 through time passing 5d"))
    }

    /// A timelock with grace over a governor: earliest 4d (1d + 2d + 1d), expiry 5d; the step runs
    /// exactly at the expiry tick, not one second later.
    @Test func graceOverAGovernorAtTheTick() async throws {
        let run = try await runRound2("gov")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(passes(v["GVEdge/bounded-intervention"]) && passes(v["GVEdge/containment-time"]), "\(v)")
        #expect(v["GVLate/bounded-intervention"] == "VIOLATED", "\(v)")
        #expect(
            run.stdout.contains(
                "5d after the previous step, when its queued operation expires: 1d of grace after its earliest time, 4d"
            ))
        #expect(v["GVShort/containment-time"] == "VIOLATED" && passes(v["GVShort/bounded-intervention"]), "\(v)")
    }

    /// Euclidean division and remainder on negative operands and divisors, and division by zero:
    /// each violation found at the initial state and replayed (the evaluator agrees with Z3).
    @Test func euclideanDivisionOnNegatives() async throws {
        let run = try await runRound2("div")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["DVEuclid", "DVNegDivisor", "DVZero"] {
            #expect(v["\(procedure)/invariant"] == "VIOLATED", "\(procedure): \(v)")
        }
        #expect(passes(v["DVSound/invariant"]), "\(v)")
        #expect(run.stdout.contains("dvX = -7") && run.stdout.contains("dvX = -3"))
        #expect(!run.stdout.contains("ERROR") && !run.stderr.contains("internal error"))
    }

    /// FINDING F1 (fixed 2026-12-03, was PROVED with exit 0): a veto the attacker can exercise
    /// alone — a 1-of-3 veto multisig with one compromised key, `vetoBy: anyone`, a governor whose
    /// quorum the attacker meets — cancels the honest step queued in the timelock, as a veto key
    /// held by the attacker does (VOKey); an honest-only veto does not (VOHonest).
    @Test func vetoTheAttackerCanExerciseBlocksTheHonestStep() async throws {
        let run = try await runRound2("findings/veto")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["VOKey/bounded-intervention"] == "VIOLATED" && v["VOKey/containment-time"] == "VIOLATED", "\(v)")
        #expect(passes(v["VOHonest/bounded-intervention"]) && passes(v["VOHonest/containment-time"]), "\(v)")
        for procedure in ["VOAnyOf", "VOAnyone"] {
            #expect(v["\(procedure)/bounded-intervention"] == "VIOLATED", "\(procedure): \(v)")
            #expect(v["\(procedure)/containment-time"] == "VIOLATED", "\(procedure): \(v)")
        }
        // A cancellation through a governor is contested: the honest runners of the pause (50 + 50)
        // vote Against the attacker's cancel proposal (30 For), so it fails (finding A's rule).
        #expect(passes(v["VOGovernor/bounded-intervention"]) && passes(v["VOGovernor/containment-time"]), "\(v)")
        #expect(
            run.stdout.contains("the attacker cancels it through veto role 'voAnyOf' of timelock 'voAdminAnyOf'"),
            "\(run.stdout)")
    }

    /// FINDING F2 (fixed 2026-12-03): a veto council needing both an honest and a compromised
    /// entity cancels nothing: the attacker's timelocked drain goes through (blast-radius was
    /// PROVED) and the honest pause is not blocked (it was, a bogus counterexample).
    @Test func vetoNobodyCanExerciseAloneCancelsNothing() async throws {
        let run = try await runRound2("findings/veto-council")
        let v = verdictsOf(run.stdout)
        #expect(v["VCAttackerOp/blast-radius"] == "VIOLATED", "\(v)")
        #expect(passes(v["VCHonestStep/bounded-intervention"]), "\(v)")
        #expect(passes(v["VCHonestStep/containment-time"]), "\(v)")
    }

    /// FINDING F3 (fixed 2026-12-03, was PROVED with exit 0), with nothing compromised: a timelock
    /// whose veto council needs the proposer's own signature never stops the proposer, so the
    /// proposer controls the role alone.
    @Test func vetoNeedingTheProposerLeavesItUnilateral() async throws {
        let run = try await runRound2("findings/veto-self")
        let v = verdictsOf(run.stdout)
        #expect(v["VUPause/no-unilateral-control"] == "VIOLATED", "\(v)")
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("cannot satisfy its veto role 'vuCouncil' to cancel"), "\(run.stdout)")
    }

    /// Veto semantics, third round (veto-more): a counter-veto (a veto role that is itself a
    /// vetoed timelock) that the honest can or cannot exercise, a veto inside `allOf` and inside
    /// nested timelocks, with grace, borrowed power (at execution, not at a snapshot) cancelling an
    /// honest step, a veto key rotated or stolen mid-procedure, an insider behind a vetoed
    /// timelock, the attacker's coalition under no-unilateral-control, and `vetoBy: anyone` with
    /// nothing compromised. Each verdict was worked out by hand first.
    @Test func counterVetoAndVetoInsideAllOf() async throws {
        let run = try await runRound2("veto-more/cv")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["CVCounter", "CVOpenCounter", "CVAllOfGood"] {
            #expect(passes(v["\(procedure)/bounded-intervention"]), "\(procedure): \(v)")
            #expect(passes(v["\(procedure)/containment-time"]), "\(procedure): \(v)")
        }
        for procedure in ["CVNoCounter", "CVAllOfBad"] {
            #expect(v["\(procedure)/bounded-intervention"] == "VIOLATED", "\(procedure): \(v)")
            #expect(v["\(procedure)/containment-time"] == "VIOLATED", "\(procedure): \(v)")
        }
        #expect(
            run.stdout.contains("the attacker cancels it through veto role 'cvVetoSelf' of timelock 'cvAdminNoCounter'")
        )
        #expect(run.stdout.contains("the attacker cancels it through veto role 'cvCKey' of timelock 'cvPartBBad'"))
    }

    /// The attacker's counter-veto on the honest cancellation of its drain.
    @Test func counterVetoOnTheAttackersSide() async throws {
        let run = try await runRound2("veto-more/ac")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["ACCountered/blast-radius"] == "VIOLATED" && passes(v["ACUncountered/blast-radius"]), "\(v)")
        #expect(run.stdout.contains("the attacker calling drainCountered() as acOpCountered"))
    }

    /// Borrowed power measured at execution cancels the honest step at the threshold of a
    /// governance role (half of 200), not one below it; through a governor the honest runners
    /// vote Against the cancellation; a snapshot-measured veto borrows nothing.
    @Test func borrowedPowerCancelsAnHonestStep() async throws {
        let run = try await runRound2("veto-more/gb")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["GBDaoHundred/containment-time"] == "VIOLATED", "\(v)")
        // GBGovSixty: the cancellation is contested, the honest runners vote Against with 100.
        for procedure in ["GBDaoNinetyNine", "GBGovSixty", "GBGovFiftyNine", "GBSnapshot"] {
            #expect(passes(v["\(procedure)/containment-time"]), "\(procedure): \(v)")
            #expect(passes(v["\(procedure)/bounded-intervention"]), "\(procedure): \(v)")
        }
        #expect(run.stdout.contains("the attacker cancels it through veto role 'gbDao' of timelock 'gbAdminDao'"))
    }

    /// A veto key rotated to or away from the attacker by a step, or stolen by an attack.
    @Test func vetoKeyRotatedMidProcedure() async throws {
        let run = try await runRound2("veto-more/kr")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["KRHandOver", "KRNoTakeAway", "KRStolen"] {
            #expect(v["\(procedure)/bounded-intervention"] == "VIOLATED", "\(procedure): \(v)")
        }
        #expect(passes(v["KRTakeAway/bounded-intervention"]) && passes(v["KRNoTheft/bounded-intervention"]), "\(v)")
        #expect(run.stdout.contains("key kr-vk: held by KR A → KR C, step 'rotate' done"))
        #expect(run.stdout.contains("attack steal()"))
    }

    /// Grace with a veto, and vetoes on the inner and the outer timelock of a chain.
    @Test func vetoWithGraceAndNestedTimelocks() async throws {
        let run = try await runRound2("veto-more/ge")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        for procedure in ["GEGraceVeto", "GEInnerVeto", "GEOuterVeto"] {
            #expect(v["\(procedure)/bounded-intervention"] == "VIOLATED", "\(procedure): \(v)")
        }
        for procedure in ["GEGraceHonest", "GENestedHonest"] {
            #expect(passes(v["\(procedure)/bounded-intervention"]), "\(procedure): \(v)")
            #expect(passes(v["\(procedure)/containment-time"]), "\(procedure): \(v)")
        }
        #expect(run.stdout.contains("the attacker cancels it through veto role 'geCKey' of timelock 'geInnerC'"))
        #expect(run.stdout.contains("the attacker cancels it through veto role 'geCKey' of timelock 'geOuterC'"))
    }

    /// An insider behind a vetoed timelock: only a veto the other honest entities hold stops it.
    @Test func insiderThroughAVetoedTimelock() async throws {
        let run = try await runRound2("veto-more/ik")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["IKSelf/blast-radius"] == "VIOLATED" && v["IKByC/blast-radius"] == "VIOLATED", "\(v)")
        #expect(passes(v["IKHonest/blast-radius"]), "\(v)")
        #expect(run.stdout.contains("insider IK A calling drainSelf() as ikSelf"))
    }

    /// The attacker's own coalition (two compromised entities, one entity) under
    /// no-unilateral-control: a veto only the attacker holds does not stop it.
    @Test func attackerCoalitionWithItsOwnVeto() async throws {
        let run = try await runRound2("veto-more/nu")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["NUCoalition/no-unilateral-control"] == "VIOLATED" && v["NUCoalition/blast-radius"] == "VIOLATED")
        #expect(
            run.stdout.contains(
                "(the honest entities outside the coalition cannot satisfy its veto role 'nuDKey' to cancel)"))
    }

    /// `vetoBy: anyone` with nothing compromised: the honest cancel a single entity's operation;
    /// the attacker (open roles) cancels the honest pause.
    @Test func openVetoWithNothingCompromised() async throws {
        let run = try await runRound2("veto-more/va")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(passes(v["VAOpen/no-unilateral-control"]), "\(v)")
        #expect(v["VAOpen/bounded-intervention"] == "VIOLATED" && v["VAOpen/containment-time"] == "VIOLATED")
        #expect(run.stdout.contains("the attacker cancels it through veto role 'vaOpen' of timelock 'vaAdmin'"))
    }

    /// FINDING B (fixed 2026-12-03, was PROVED with exit 0): a cancellation takes the veto role's
    /// own delay; a 1-day (or a 3-day vote) cancellation of a 1-hour drain lands too late, and a
    /// 1-day attacker cancellation of a 1-hour honest pause does not block it.
    @Test func vetoSlowerThanTheOperationCannotCancel() async throws {
        let run = try await runRound2("findings/veto-slow")
        let v = verdictsOf(run.stdout)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(v["TDAttacker/blast-radius"] == "VIOLATED" && v["TDGovVeto/blast-radius"] == "VIOLATED", "\(v)")
        #expect(passes(v["TDHonest/containment-time"]) && passes(v["TDHonest/bounded-intervention"]), "\(v)")
    }

    /// FINDING A (fixed 2026-12-03, was PROVED with exit 0): in a cancellation through a governor,
    /// the coalition whose operation it would cancel (here an insider, 60 of 100 votes) votes
    /// Against, so the honest minority (40) cannot cancel its drain.
    @Test func governorCancellationCountsTheCoalitionsVotesAgainst() async throws {
        let run = try await runRound2("findings/veto-insider-governor")
        let v = verdictsOf(run.stdout)
        #expect(v["IGInsider/blast-radius"] == "VIOLATED", "\(v)")
        #expect(v["IGInsider/no-unilateral-control"] == "VIOLATED", "\(v)")
    }

    /// FINDING C (fixed 2026-12-03, was PROVED with exit 0): the attacker's borrowed voting power
    /// (measured at execution) counts Against the honest cancellation of its operation.
    @Test func borrowedPowerCountsAgainstAnHonestCancellation() async throws {
        let run = try await runRound2("findings/veto-borrow-against")
        let v = verdictsOf(run.stdout)
        #expect(v["BVGovernor/blast-radius"] == "VIOLATED", "\(v)")
    }

    /// FINDING D (open, a false alarm on the safe side): the veto is judged at the instant the
    /// attacker's operation runs, not over its delay, so a drain right after the veto key changes
    /// hands is reported though the honest held the veto while it waited.
    @Test func vetoHeldDuringTheDelayStopsTheDrain() async throws {
        let run = try await runRound2("findings/veto-handover")
        let v = verdictsOf(run.stdout)
        withKnownIssue("a veto is judged at the execution instant only") {
            #expect(passes(v["HVHandover/blast-radius"]), "\(v)")
        }
    }
}
