import RecovIR

/// One step of a counterexample trace, in the model's terms: values, not text (renderers word them).
public struct TraceStep: Sendable, Hashable {
    /// The transition taken (nil for the initial state).
    public var transition: Transition?
    /// The entities whose authority the transition used, with their keys or votes.
    public var signers: [Signer]
    /// The state after the transition.
    public var state: State
    /// Where the transition is declared.
    public var location: SourceLocation?

    public init(transition: Transition?, signers: [Signer], state: State, location: SourceLocation?) {
        self.transition = transition
        self.signers = signers
        self.state = state
        self.location = location
    }

    /// Who acted: derived from the transition.
    public var actor: TraceActor { TraceActor(transition) }
}

extension TraceStep: Codable {
    private enum Keys: String, CodingKey { case transition, actor, signers, state, location }

    /// Reads a step; its `actor` text is derived from the transition, so it is not read back.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        transition = try c.decodeIfPresent(Transition.self, forKey: .transition)
        signers = try c.decode([Signer].self, forKey: .signers)
        state = try c.decode(State.self, forKey: .state)
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(transition, forKey: .transition)
        try c.encode(actor.description, forKey: .actor)
        try c.encode(signers, forKey: .signers)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(location, forKey: .location)
    }
}
