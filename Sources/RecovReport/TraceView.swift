import RecovCheck
import RecovIR

/// A counterexample as every renderer shows it (text table, explain, HTML timeline and chart,
/// SARIF code flows, JUnit text): one row per step with the time since the trigger, the actor,
/// the transition in words, who signed and what changed, as values. Works with the world of the
/// procedure and without it (results merged from shard files).
public struct TraceView: Sendable {
    /// One step of the trace.
    public struct Row: Sendable {
        /// 0 for the initial state.
        public var index: Int
        public var step: TraceStep
        /// "t+1h 30m": the time since the trigger.
        public var time: String
        /// The transition in words ("procedure step 'pause' by guardian"); nil for the initial state.
        public var transition: String?
        /// For the initial state its values, else what the transition changed.
        public var changes: [StateChange]

        public var actor: TraceActor { step.actor }
        public var signers: [Signer] { step.signers }
        public var isInitial: Bool { index == 0 }

        /// The transition in words; for the initial state "initial state (trigger holds)", the
        /// same in every renderer.
        public var label: String { transition ?? "initial state (trigger holds)" }
    }

    public var rows: [Row]

    /// The rows of `cex`; the initial state shows every value with `fullInitialState`, else the
    /// non-trivial ones.
    public init(_ cex: Counterexample, world: World?, fullInitialState: Bool) {
        let diff = StateDiff(world: world)
        let t0 = cex.steps.first?.state.now ?? 0
        var previous: State?
        rows = cex.steps.enumerated().map { i, st in
            defer { previous = st.state }
            return Row(
                index: i, step: st, time: "t+\(HumanDuration.text(st.state.now - t0))",
                transition: st.transition.map { t in
                    world.map { TraceText.describe(t, world: $0) } ?? TraceText.describe(t)
                },
                changes: previous.map { diff.changes(from: $0, to: st.state) }
                    ?? diff.initial(st.state, full: fullInitialState))
        }
    }
}
