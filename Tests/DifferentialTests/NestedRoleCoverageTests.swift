import RecovIR
import Testing

/// The generator produces the nested and anyone-based roles of issue 9 (classes 1 and 2), and
/// procedure steps that act through them, so the differential run covers them.
@Test func generatorProducesNestedRoles() {
    var counts: [String: Int] = [:]
    for seed in UInt64(1)...300 {
        let p = Differential.program(seed: seed)
        let m = p.models[0]
        func has(_ name: String) -> Bool { m.roles.contains { $0.name == name } }
        if has("openTl") { counts["timelock(anyone)", default: 0] += 1 }
        if has("openAll") { counts["allOf([anyone])", default: 0] += 1 }
        if has("tlOut") { counts["timelock over timelock", default: 0] += 1 }
        if has("tlAnd") { counts["allOf([timelock, role])", default: 0] += 1 }
        if m.roles.contains(where: {
            if case .timelock(let t) = $0.rule { return t.grace != nil } else { return false }
        }) {
            counts["grace", default: 0] += 1
        }
        if p.procedures[0].steps.contains(where: { ["tlOut", "tlAnd", "openTl", "openAll"].contains($0.role) }) {
            counts["step through a nested role", default: 0] += 1
        }
    }
    print(
        "nested roles in 300 generated programs: \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"
    )
    for k in [
        "timelock(anyone)", "allOf([anyone])", "timelock over timelock", "allOf([timelock, role])", "grace",
        "step through a nested role",
    ] {
        #expect((counts[k] ?? 0) >= 10, "only \(counts[k] ?? 0) programs with \(k)")
    }
}
