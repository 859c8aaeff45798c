import RecovIR
import RecovSMT

/// Accounts that no transition of a trace names, for the "blocked" check of steps with account
/// parameters.
///
/// A step is blocked when *no* choice of its parameters lets it run, so its account parameters
/// range over every account, not only those the trace touches. Accounts are interchangeable (the
/// IR only compares them for equality), and the unrolling starts every untouched account at one
/// common value per map (within the map's range, or its `initial:`): an initial state the model
/// allows. `k` fresh accounts — distinct from each other and from every account term, with those
/// common initial values — then stand for all untouched accounts, where `k` is the largest
/// number of free account parameters of a step. The concrete re-check (`Evaluator.blockedStep`)
/// enumerates the same accounts, which the extracted trace includes.
extension Unrolling {
    /// The largest number of account parameters a procedure step leaves free.
    static func freeAccountParameters(_ world: World) -> Int {
        world.procedure.steps.map { st -> Int in
            guard let a = world.model.action(st.action) else { return 0 }
            let fixed = Set(st.args.map(\.name))
            return a.params.filter { $0.type == .account && !fixed.contains($0.name) }.count
        }.max() ?? 0
    }
}
