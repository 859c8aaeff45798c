import Foundation
import RecovIR

/// A counterexample saved as a replayable file (`<procedure>.<rule>.cex.json`), so that a flaw
/// found once becomes a regression test: `recovcheck replay FILE` re-executes it on the concrete
/// evaluator and re-checks the property, against the IR saved in the file or against the current
/// specs. Schema: docs/counterexample-files.md.
public struct CounterexampleFile: Codable, Sendable, Hashable {
    /// The value of `format`, identifying the kind of file.
    public static let formatName = "recovcheck-counterexample"
    /// Version of this file format; bumped on any incompatible change.
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    /// Version of the recovcheck that wrote the file.
    public var toolVersion: String
    /// IR wire format version of `model`, `incident` and `procedureIR`.
    public var irVersion: Int
    /// Name of the violating procedure.
    public var procedure: String
    /// The violated property.
    public var rule: Rule
    /// The one-sentence summary the check reported.
    public var summary: String
    /// The unrolling depth of the check that found it.
    public var depth: Int
    /// Where the violated declaration is.
    public var location: SourceLocation
    /// The IR needed to replay the trace without the spec files.
    public var model: Model
    public var incident: Incident
    public var procedureIR: Procedure
    /// The initial state, then the transitions and the state after each one (as reported).
    public var initialState: SavedState
    public var transitions: [Transition]
    public var states: [SavedState]
    /// What the check claimed beyond the trace: the representative account, the coalition.
    public var account: Int?
    public var coalition: [String]?
    public var attackerInCoalition: Bool

    /// Builds the file of a violated result's counterexample; nil when `result` has none.
    public init?(result: CheckResult, world: World, toolVersion: String) {
        guard result.verdict == .violated, let cex = result.counterexample, let first = cex.steps.first else {
            return nil
        }
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.toolVersion = toolVersion
        irVersion = RecovIR.irVersion
        procedure = result.procedure
        rule = result.rule
        summary = cex.summary
        depth = result.depth
        location = cex.location
        model = world.model
        incident = world.incident
        procedureIR = world.procedure
        initialState = SavedState(first.state)
        transitions = cex.steps.dropFirst().compactMap(\.transition)
        states = cex.steps.dropFirst().map { SavedState($0.state) }
        account = cex.account
        coalition = cex.coalition
        // Copied from the check, never recomputed: the attacker may be in the coalition with no
        // compromised entity at all (borrowed voting power).
        attackerInCoalition = cex.attacker ?? false
    }

    /// `<procedure>.<rule>.cex.json`, with characters unsafe in file names replaced by `_`.
    public var fileName: String {
        let safe = procedure.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "_"
        }
        return String(safe) + "." + rule.rawValue + ".cex.json"
    }

    /// Stable, pretty-printed JSON: the same counterexample gives the same bytes.
    public func encoded() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try enc.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a file; throws a readable message for another kind of file or a newer format.
    public static func read(_ data: Data) throws -> CounterexampleFile {
        struct Header: Decodable {
            var format: String?
            var formatVersion: Int?
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw ReplayProblem("not a JSON object")
        }
        guard header.format == formatName else {
            throw ReplayProblem("not a recovcheck counterexample file (\"format\" is not \"\(formatName)\")")
        }
        guard let v = header.formatVersion, v <= currentFormatVersion, v >= 1 else {
            throw ReplayProblem(
                "counterexample format version \(header.formatVersion.map(String.init) ?? "missing") is not supported (this recovcheck reads version \(currentFormatVersion))"
            )
        }
        do {
            let file = try JSONDecoder().decode(CounterexampleFile.self, from: data)
            guard file.irVersion == RecovIR.irVersion else {
                throw ReplayProblem(
                    "the file's IR version \(file.irVersion) differs from this recovcheck's \(RecovIR.irVersion)")
            }
            return file
        } catch let p as ReplayProblem {
            throw p
        } catch {
            throw ReplayProblem("malformed counterexample file: \(error)")
        }
    }
}

/// A `State` with its allowlist in a fixed order, so saved files are byte-stable.
public struct SavedState: Codable, Sendable, Hashable {
    public var state: State

    public init(_ state: State) { self.state = state }

    private enum Keys: String, CodingKey {
        case ints, bools, maps, now, pc, triggerTime, lastStepTime, stepTimes, contained, holders, grants, thresholds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        var s = State()
        s.ints = try c.decode([String: Int].self, forKey: .ints)
        s.bools = try c.decode([String: Bool].self, forKey: .bools)
        let maps = try c.decode([String: [String: Int]].self, forKey: .maps)
        for (m, entries) in maps {
            var out: [Int: Int] = [:]
            for (k, v) in entries {
                guard let a = Int(k) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .maps, in: c, debugDescription: "account '\(k)' of map '\(m)' is not an integer")
                }
                out[a] = v
            }
            s.maps[m] = out
        }
        s.now = try c.decode(Int.self, forKey: .now)
        s.pc = try c.decodeIfPresent(Int.self, forKey: .pc) ?? 0
        s.triggerTime = try c.decodeIfPresent(Int.self, forKey: .triggerTime) ?? s.now
        s.lastStepTime = try c.decodeIfPresent(Int.self, forKey: .lastStepTime) ?? s.now
        s.stepTimes = try c.decodeIfPresent([Int?].self, forKey: .stepTimes) ?? []
        s.contained = try c.decodeIfPresent(Bool.self, forKey: .contained) ?? false
        s.holders = try c.decodeIfPresent([String: String].self, forKey: .holders) ?? [:]
        s.grants = Set(try c.decodeIfPresent([Grant].self, forKey: .grants) ?? [])
        s.thresholds = try c.decodeIfPresent([String: Int].self, forKey: .thresholds) ?? [:]
        state = s
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let s = state
        try c.encode(s.ints, forKey: .ints)
        try c.encode(s.bools, forKey: .bools)
        try c.encode(
            s.maps.mapValues { m in Dictionary(uniqueKeysWithValues: m.map { (String($0.key), $0.value) }) },
            forKey: .maps)
        try c.encode(s.now, forKey: .now)
        try c.encode(s.pc, forKey: .pc)
        try c.encode(s.triggerTime, forKey: .triggerTime)
        try c.encode(s.lastStepTime, forKey: .lastStepTime)
        try c.encode(s.stepTimes, forKey: .stepTimes)
        try c.encode(s.contained, forKey: .contained)
        try c.encode(s.holders, forKey: .holders)
        try c.encode(s.grants.sorted(), forKey: .grants)
        try c.encode(s.thresholds, forKey: .thresholds)
    }
}

/// Why a counterexample file cannot be replayed.
public struct ReplayProblem: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

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
        case .failure(let why): return .doesNotReplay(why.message)
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
        } catch let e as ReplayError where e.reason.isOverflow {
            // An overflow of the concrete evaluator says nothing about the fix: never "fixed".
            return .doesNotReplay("transition \(e.transition + 1) does not replay: \(e.reason.message)")
        } catch let e as ReplayError {
            let what =
                e.transition < transitions.count ? TraceText.describe(transitions[e.transition], world: world) : "?"
            return current
                ? .fixed("transition \(e.transition + 1) (\(what)) is no longer allowed: \(e.reason.message)")
                : .doesNotReplay("transition \(e.transition + 1) (\(what)) does not replay: \(e.reason.message)")
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
        World, ReplayProblem
    > {
        guard let program else {
            return .success(World(model: file.model, incident: file.incident, procedure: file.procedureIR))
        }
        guard let p = program.procedure(named: file.procedure) else {
            return .failure(
                ReplayProblem(
                    "the current specs have no procedure '\(file.procedure)' (procedures: \(program.procedures.map(\.name).joined(separator: ", ")))"
                ))
        }
        guard let w = World(program: program, procedure: p) else {
            return .failure(
                ReplayProblem("procedure '\(p.name)' names a model or incident the current specs do not declare"))
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
