import RecovIR

let here = SourceLocation(file: "fixture.swift", line: 1, column: 1)

/// Small IR programs for engine tests, built directly (no compiler needed).
struct Build {
    var model = Model(name: "M", loc: here)
    var incident = Incident(name: "I", model: "M", loc: here)
    var procedure = Procedure(
        name: "P", model: "M", incident: "I", trigger: Assertion(name: "trigger", expr: .bool(true), loc: here),
        loc: here)

    /// Entities A, B, C with keys k1..k3 and a 2-of-3 guardian; a pause action; one user map.
    static func pausable(threshold: Int = 2) -> Build {
        var b = Build()
        b.model.state = [
            StateVar(name: "paused", type: .bool, initial: .bool(false), loc: here),
            StateVar(name: "balance", type: .map, min: 0, max: 100, loc: here),
            StateVar(name: "stolen", type: .int, min: 0, max: 1000, loc: here),
        ]
        b.model.entities = ["A", "B", "C"].map { EntityDecl(name: $0, loc: here) }
        b.model.keys = [
            KeyDecl(name: "k1", holder: "A", loc: here), KeyDecl(name: "k2", holder: "B", loc: here),
            KeyDecl(name: "k3", holder: "C", loc: here),
        ]
        let g = Role(
            name: "guardian", rule: .multisig(keys: ["k1", "k2", "k3"], threshold: threshold),
            loc: SourceLocation(file: "fixture.swift", line: 7, column: 1))
        b.model.roles = [g]
        b.model.actions = [
            Action(
                name: "pause", by: ["guardian"], guardExpr: !.variable("paused"),
                effects: [Effect(.assign(target: "paused", index: nil, value: .bool(true)), loc: here)], loc: here),
            Action(
                name: "withdraw", user: true, params: [Param(name: "amount", type: .int, min: 1, max: 10, loc: here)],
                guardExpr: .apply(
                    .and,
                    [!.variable("paused"), .apply(.ge, [.select("balance", .param("caller")), .param("amount")])]),
                effects: [
                    Effect(
                        .assign(
                            target: "balance", index: .param("caller"),
                            value: .apply(.sub, [.select("balance", .param("caller")), .param("amount")])), loc: here)
                ], loc: here),
        ]
        b.model.claim = Assertion(name: "claim", expr: .select("balance", .account), loc: here)
        b.incident.attacks = [
            Action(
                name: "drain", params: [Param(name: "amount", type: .int, min: 1, max: 50, loc: here)],
                guardExpr: .bool(true),
                effects: [
                    Effect(
                        .assign(
                            target: "stolen", index: nil, value: .apply(.add, [.variable("stolen"), .param("amount")])),
                        loc: here)
                ],
                live: !.variable("paused"), loc: here)
        ]
        b.procedure.trigger = Assertion(name: "trigger", expr: .apply(.eq, [.variable("stolen"), .int(0)]), loc: here)
        b.procedure.steps = [
            Step(name: "pause", action: "pause", role: "guardian", within: 60, writes: ["paused"], loc: here)
        ]
        b.procedure.containment = Assertion(name: "containment", expr: .variable("paused"), loc: here)
        b.procedure.containmentBudget = 60
        return b
    }

    var program: Program { Program(models: [model], incidents: [incident], procedures: [procedure]) }
    var world: World { World(model: model, incident: incident, procedure: procedure) }
}
