import RecovIR
import Testing

@testable import RecovCheck

// The naive authority encoding (`--authority-encoding naive`: one "signed" Boolean per key per
// depth, summed against the threshold) is the baseline scripts/benchmark.py times recovcheck's
// structured encoding against, and the benchmark stops if their verdicts differ. These tests hold
// the two to the same verdicts, and the same coalition size, on the authority cases of
// PropertyTests, so a benchmark never compares against a baseline that answers differently.

private func check(_ b: Build, _ encoding: AuthorityEncoding, depth: Int = 4) -> CheckResult {
    #expect(Validator().diagnose(b.program).isEmpty, "fixture must be valid: \(Validator().diagnose(b.program))")
    var options = CheckOptions(depth: depth, timeoutSeconds: 30, authorityEncoding: encoding)
    options.proofs = false
    return BoundedModelChecker(world: b.world, options: options).check(.noUnilateralControl)
}

/// Hand-worked: the 2-of-3 guardian with one key each holds; a 1-of-3 guardian, one entity with
/// two keys, a public grant of k2 to A, and a compromised A with two keys are each violated by a
/// coalition of one (A, or the attacker).
private let cases: [(name: String, build: Build, violated: Bool)] = {
    var twoKeys = Build.pausable()
    twoKeys.model.keys[1].holder = "A"
    var grant = Build.pausable()
    grant.model.roles.append(Role(name: "public", rule: .anyone, loc: here))
    grant.model.actions.append(
        Action(
            name: "grantBug", by: ["public"], effects: [Effect(.grant(key: "k2", entity: "A"), loc: here)], loc: here))
    var compromised = twoKeys
    compromised.model.entities.append(EntityDecl(name: "D", loc: here))
    compromised.model.keys[2].holder = "D"
    compromised.incident.compromised = ["A"]
    return [
        ("2-of-3, one key each", .pausable(), false),
        ("1-of-3", .pausable(threshold: 1), true),
        ("one entity holds two keys", twoKeys, true),
        ("allowlist grant escalates", grant, true),
        ("compromised entity holds two keys", compromised, true),
    ]
}()

@Test(arguments: cases.indices)
func naiveEncodingAgreesWithStructured(_ i: Int) {
    let (name, b, violated) = cases[i]
    let naive = check(b, .naive)
    let structured = check(b, .structured)
    #expect((naive.verdict == .violated) == violated, "\(name): naive \(naive.verdict) — \(naive.message)")
    #expect(
        (structured.verdict == .violated) == violated,
        "\(name): structured \(structured.verdict) — \(structured.message)")
    #expect(
        naive.verdict.passes == structured.verdict.passes,
        "\(name): naive \(naive.verdict), structured \(structured.verdict)")
    if violated {
        #expect(
            naive.counterexample?.coalition?.count == structured.counterexample?.coalition?.count,
            "\(name): coalitions differ in size")
        #expect(
            naive.counterexample?.attacker == structured.counterexample?.attacker,
            "\(name): attacker in coalition differs")
    }
}

/// The naive encoding is unrolled even when authority is fixed (the structured one checks the
/// holder table once, at depth 0): the baseline the benchmark times does the work it claims to.
@Test func naiveEncodingUnrollsFixedAuthority() {
    let naive = check(.pausable(), .naive, depth: 3)
    let structured = check(.pausable(), .structured, depth: 3)
    #expect(naive.verdict == .holds && naive.depth == 3, "naive: \(naive.verdict) at depth \(naive.depth)")
    #expect(
        structured.verdict == .holds && structured.depth == 0,
        "structured: \(structured.verdict) at depth \(structured.depth)")
    #expect(naive.message.contains("in every state up to depth 3"))
    #expect(structured.message.contains("authority is fixed"))
}
