import RecovIR

/// What replaying a saved counterexample showed.
public enum ReplayOutcome: Sendable, Hashable {
    /// The trace replays and the property is still violated (with the summary of now).
    case stillViolated(String)
    /// The trace no longer reproduces the violation (with why).
    case fixed(String)
    /// The file cannot be replayed at all (with why).
    case doesNotReplay(String)

    /// 1 still violated, 0 fixed, 2 does not replay.
    public var exitCode: Int32 {
        switch self {
        case .stillViolated: return 1
        case .fixed: return 0
        case .doesNotReplay: return 2
        }
    }
}

/// Replays counterexample files on the concrete evaluator and re-checks their property.
public enum CounterexampleReplay {
    /// Replays `file` on the IR saved in it, or, with `against`, on the current IR of the same
    /// procedure (so a fixed flaw stays fixed). On the saved IR every state must come out exactly
    /// as saved; a transition the current IR no longer allows means the flaw no longer reproduces.
    public static func replay(_ file: CounterexampleFile, against program: Program? = nil) -> ReplayOutcome {
        let world: World
        switch replayWorld(file, against: program) {
        case .success(let w): world = w
        case .failure(let why): return .doesNotReplay(why.description)
        }
        let current = program != nil
        // `no-unilateral-control` is checked without insider moves (docs/semantics.md, Insider).
        if file.rule == .noUnilateralControl, let i = file.transitions.firstIndex(where: { $0.kind == .insider }) {
            return .doesNotReplay(
                "transition \(i + 1) is an insider's move, which no-unilateral-control does not consider")
        }
        var initial = file.initialState.state
        var transitions = file.transitions
        if current, let stop = adapt(&initial, &transitions, to: world) { return stop }
        let accounts = Set(initial.maps.values.flatMap(\.keys)).sorted()
        let replayer = Replayer(world: world)
        let start: State
        do {
            start = try replayer.initialState(from: initial, accounts: accounts)
            if !current { try Replayer.compare(start, file.initialState.state, at: 0) }
        } catch {
            return current
                ? .fixed("the saved initial state is no longer possible: \(error)")
                : .doesNotReplay("the saved initial state does not replay: \(error)")
        }
        let states: [State]
        do {
            states = try replayer.replay(from: start, transitions, claimed: current ? nil : file.states.map(\.state))
        } catch ReplayError.transitionNotAllowed(let i, let reason) where reason.isOverflow {
            // An overflow of the concrete evaluator says nothing about the fix: never "fixed".
            return .doesNotReplay("transition \(i + 1) does not replay: \(reason.message)")
        } catch ReplayError.transitionNotAllowed(let i, let reason) {
            let what = i < transitions.count ? TraceText.describe(transitions[i], world: world) : "?"
            return current
                ? .fixed("transition \(i + 1) (\(what)) is no longer allowed: \(reason.message)")
                : .doesNotReplay("transition \(i + 1) (\(what)) does not replay: \(reason.message)")
        } catch {
            return .doesNotReplay("\(error)")
        }
        let witness = ConcreteProperties.Witness(
            account: file.account, coalitionEntities: file.coalition ?? [],
            attackerInCoalition: file.attackerInCoalition)
        do {
            if let (summary, _) = try ConcreteProperties(world: world).violation(
                file.rule, states: states, transitions: transitions, witness: witness)
            {
                return .stillViolated(summary)
            }
            return .fixed("the trace replays but no longer violates \(file.rule.rawValue)")
        } catch {
            return .doesNotReplay("cannot re-check \(file.rule.rawValue) on the replayed trace: \(error)")
        }
    }

    /// The world a file replays on: its saved IR, or the same procedure in `program`.
    private static func replayWorld(_ file: CounterexampleFile, against program: Program?) -> Result<
        World, ReplayError
    > {
        guard let program else {
            return .success(World(model: file.model, incident: file.incident, procedure: file.procedureIR))
        }
        guard let p = program.procedure(named: file.procedure) else {
            return .failure(
                ReplayError.unreplayableFile(
                    "the current specs have no procedure '\(file.procedure)' (procedures: \(program.procedures.map(\.name).joined(separator: ", ")))"
                ))
        }
        guard let w = World(program: program, procedure: p) else {
            return .failure(
                ReplayError.unreplayableFile(
                    "procedure '\(p.name)' names a model or incident the current specs do not declare"))
        }
        return .success(w)
    }

    /// Fits a saved trace to the current `world`: every current state variable must have a saved
    /// initial value (extra ones are dropped), and steps are found by name (the procedure may have
    /// gained or lost steps). Returns the outcome when the trace cannot be fitted.
    private static func adapt(_ initial: inout State, _ transitions: inout [Transition], to world: World)
        -> ReplayOutcome?
    {
        let vars = world.model.state
        for v in vars {
            let has: Bool
            switch v.type {
            case .int: has = initial.ints[v.name] != nil
            case .bool: has = initial.bools[v.name] != nil
            case .map: has = initial.maps[v.name] != nil
            }
            if !has {
                return .doesNotReplay(
                    "the saved initial state has no value for state variable '\(v.name)' of the current model '\(world.model.name)'"
                )
            }
        }
        let names = Set(vars.map(\.name))
        initial.ints = initial.ints.filter { names.contains($0.key) }
        initial.bools = initial.bools.filter { names.contains($0.key) }
        initial.maps = initial.maps.filter { names.contains($0.key) }
        for (i, t) in transitions.enumerated() {
            guard case .step(let name, _, _, let args) = t else { continue }
            guard let j = world.procedure.steps.firstIndex(where: { $0.name == name }) else {
                return .fixed(
                    "transition \(i + 1) runs step '\(name)', which procedure '\(world.procedure.name)' no longer has")
            }
            transitions[i] = .step(name: name, index: j, role: world.procedure.steps[j].role, args: args)
        }
        return nil
    }
}
