/// The declared `initial:` values of a model's state, checked on a concrete initial state.
///
/// An `IntVar`/`Flag` with `initial:` starts at that value; an `AccountMap` with `initial:` starts
/// at that value for every account. The symbolic initial state (`Unrolling`) asserts the same, so a
/// replayed counterexample, or a saved one replayed `--against` a changed model, starts only from
/// states the model allows.
public struct InitialValues: Sendable {
    public let evaluator: Evaluator

    public init(evaluator: Evaluator) { self.evaluator = evaluator }

    /// Throws naming the first variable (and account) whose value in `s` is not its declared
    /// initial value; map entries are checked for `accounts`.
    public func check(_ s: State, accounts: [Int]) throws(EvaluationError) {
        for v in evaluator.world.model.state {
            guard let e = v.initial else { continue }
            let want = try evaluator.eval(e, s)
            switch v.type {
            case .int:
                if let x = s.ints[v.name], .int(x) != want {
                    throw EvaluationError("initial '\(v.name)' = \(x), but the model declares initial: \(want)")
                }
            case .bool:
                if let x = s.bools[v.name], .bool(x) != want {
                    throw EvaluationError("initial '\(v.name)' = \(x), but the model declares initial: \(want)")
                }
            case .map:
                for a in accounts {
                    if let x = s.maps[v.name]?[a], .int(x) != want {
                        throw EvaluationError(
                            "initial '\(v.name)[#\(a)]' = \(x), but the model declares initial: \(want) for every account"
                        )
                    }
                }
            }
        }
    }
}
